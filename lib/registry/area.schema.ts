import { z } from "zod";
import { AreaType } from "@/lib/generated/prisma/enums";
import { id, trimmed, version } from "@/lib/validation";

/** §2.1 public-area types and §2.3 commercial outlets, in the order the regulation lists them. */
export const AREA_TYPES = Object.values(AreaType);

const areaFields = {
  name: trimmed(100),
  type: z.enum(AreaType),
  building: trimmed(50),
  floor: trimmed(20),
  active: z.boolean(),
};

export const CreateAreaSchema = z.strictObject({ siteId: id(), ...areaFields });
export const UpdateAreaSchema = z.strictObject({ id: id(), version: version(), ...areaFields });
