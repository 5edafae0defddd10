import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // One link: components/ui/link.tsx (no automatic prefetch of dynamic pages).
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next/link", message: 'Use "@/components/ui/link".' },
            {
              name: "next/cache",
              importNames: ["revalidatePath", "revalidateTag", "updateTag", "refresh"],
              message: "An action answers with its result; the form refreshes the page (docs/decisions/024).",
            },
          ],
        },
      ],
    },
  },
  { files: ["components/ui/link.tsx"], rules: { "no-restricted-imports": "off" } },
]);
