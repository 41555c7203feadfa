export {
  type AnyOperation,
  type BatchOperation,
  defineBatchOperation,
  defineOperation,
  defineRead,
  execute,
  isOperation,
  type Operation,
  type ReadContext,
  type ReadOperation,
  run,
  run as perform,
  type SomeOperation,
  type WriteContext,
} from "./operation";
export {
  hostileInputError,
  type MutationError,
  type MutationResult,
  mutationErrorOf,
  type OperationFailure,
} from "./result";
