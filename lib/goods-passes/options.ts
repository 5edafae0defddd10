import { GoodsDirection, GoodsPassState, PassAuthorization } from "@/lib/generated/prisma/enums";

/** The choices the goods-pass forms offer, without zod: client forms import these, and their schema lazily. */
export const DIRECTIONS = Object.values(GoodsDirection);
export const AUTHORIZATIONS = Object.values(PassAuthorization);
export const PASS_STATES = Object.values(GoodsPassState);
/** Units of measure offered by the form (free text is allowed too, up to 10 characters). */
export const ITEM_UNITS = ["件", "箱", "台", "个", "把", "张", "套", "包", "卷", "批"] as const;
