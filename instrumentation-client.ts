// Runs in the browser before the app: forms validated there (react-hook-form with zod) speak in sentences too.
import { installErrorMap } from "@/lib/validation/error-map";

installErrorMap();
