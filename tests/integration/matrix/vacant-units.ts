import type { MatrixModule } from "./types";

/** Vacant units (issue 6): actions, inputs and fixtures for the authorization matrix. */
export const vacantUnitsMatrix: MatrixModule = { actions: [], inputs: {} };
