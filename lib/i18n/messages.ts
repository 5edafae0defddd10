import type { Locale } from "./config";
import enCore from "./messages/en/core.json";
import enPlaces from "./messages/en/places.json";
import enRegistry from "./messages/en/registry.json";
import zhCore from "./messages/zh-CN/core.json";
import zhPlaces from "./messages/zh-CN/places.json";
import zhRegistry from "./messages/zh-CN/registry.json";

// Messages are split by area so modules can add their own file; zh-CN is the reference language.
const zhCN = { ...zhCore, ...zhRegistry, ...zhPlaces };
const en = { ...enCore, ...enRegistry, ...enPlaces };

export type Messages = typeof zhCN;

export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en: en as Messages };
