import Link from "@/components/ui/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

const variants = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-slate-400",
} as const;

const base =
  "inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md px-4 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400";

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return <button className={`${base} ${variants[variant]} ${className}`} {...props} />;
}

export function ButtonLink(props: { href: string; children: ReactNode; variant?: keyof typeof variants }) {
  return (
    <Link href={props.href} className={`${base} ${variants[props.variant ?? "primary"]}`}>
      {props.children}
    </Link>
  );
}
