import type { MatrixModule } from "./types";

/** Meetings (issue 7): actions, inputs and fixtures for the authorization matrix. */
export const meetingsMatrix: MatrixModule = { actions: [], inputs: {} };
