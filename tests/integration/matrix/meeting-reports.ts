import type { MatrixModule } from "./types";

/** Meeting reports (issue 7): actions, inputs and fixtures for the authorization matrix. */
export const meetingReportsMatrix: MatrixModule = { actions: [], inputs: {} };
