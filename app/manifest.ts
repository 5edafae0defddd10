import type { MetadataRoute } from "next";
import { THEME_COLOR } from "@/lib/app-theme";

/**
 * The web app manifest (served at /manifest.webmanifest, linked by Next in every page's head): lets
 * Android Chrome install Kewu to the home screen as a standalone app that opens on the user's home
 * page. iOS Safari reads the apple-* metadata of app/layout.tsx instead. Chinese first: the
 * product's language.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "客务",
    short_name: "客务",
    description: "客户服务部运营系统",
    lang: "zh-CN",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#f1f5f9",
    theme_color: THEME_COLOR,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
