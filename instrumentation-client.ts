// Runs in the browser before the app: forms validated there (react-hook-form with zod) speak in sentences
// too, in the page's language (the root layout's <html lang>, which follows the person's choice).
import { documentLocale, installErrorMap } from "@/lib/validation/error-map";

installErrorMap(documentLocale);
