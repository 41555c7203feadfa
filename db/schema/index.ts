export * from "./enums";
export * from "./users";
export * from "./reference";
export * from "./complaints";
export * from "./remediation";
export * from "./metric";
export * from "./imports";
export * from "./audit";
