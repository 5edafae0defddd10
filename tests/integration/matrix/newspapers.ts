import type { MatrixModule } from "./types";

/** Newspapers (issue 6): actions, inputs and fixtures for the authorization matrix. */
export const newspapersMatrix: MatrixModule = { actions: [], inputs: {} };
