import type { Messages } from "./messages";

/**
 * Namespaces only the server reads: refusals and schema messages (said through `messagesFor` where a
 * parse runs), history sentences, page titles, the public page. Every page sends its browser the rest,
 * so they are left out of that payload (a third of it). `client-messages.test.ts` fails if a component
 * starts reading one of them with `useTranslations` or `useMessages`.
 */
export const SERVER_ONLY_NAMESPACES = [
  "adminRules",
  "audit",
  "commonRules",
  "complaintRules",
  "errors",
  "history",
  "importRules",
  "notificationRules",
  "refusals",
  "remediationRules",
  "rootCauseRules",
  "titles",
  "validation",
  "workflowErrors",
  "zeroMission",
] as const satisfies readonly (keyof Messages)[];

/** The messages a page hands its client components. */
export function clientMessages(messages: Messages): Partial<Messages> {
  const out: Record<string, unknown> = { ...messages };
  for (const namespace of SERVER_ONLY_NAMESPACES) delete out[namespace];
  return out as Partial<Messages>;
}
