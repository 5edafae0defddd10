/** The installed app's theme colour (Tailwind sky-700, the navigation's accent; scripts/generate-icons.mjs draws with it). */
export const THEME_COLOR = "#0369a1";
