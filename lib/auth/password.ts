import bcrypt from "bcryptjs";

/** bcrypt with cost 12 (argon2id or bcrypt cost >= 12). Pure JS, so no native build step. */
export const BCRYPT_COST = 12;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, BCRYPT_COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
