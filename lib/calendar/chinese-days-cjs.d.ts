/**
 * Types for the deep import of chinese-days' CommonJS build (see provisional.ts for why).
 * Its default export is the same object the package's own typings describe.
 */
declare module "chinese-days/dist/index.min.js" {
  import chineseDays from "chinese-days";
  export default chineseDays;
}
