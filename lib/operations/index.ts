export {
  type AnyOperation,
  defineOperation,
  defineRead,
  execute,
  isOperation,
  type Operation,
  type ReadContext,
  type ReadOperation,
  run,
  run as perform,
  type WriteContext,
} from "./operation";
export {
  hostileInputError,
  type MutationError,
  type MutationResult,
  mutationErrorOf,
  type OperationFailure,
} from "./result";
