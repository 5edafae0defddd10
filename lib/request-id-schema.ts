import { z } from "zod";

/**
 * The schema of such a key in every create action: a UUID and nothing else, so a key can never be made
 * to look like another record's name (a request id only ever identifies the request that carried it).
 */
export const requestIdField = () => z.uuid({ message: "validation.requestId" });
