import { useState } from 'react';
import { checkDraft, emptyDraft, FIELDS, serverErrorsFor, toPayload, type AccountDraft, type Field, type FieldErrors, type Version } from './rules';
import type { FieldError } from './types';
import { useServerValidation } from './useServerValidation';

/**
 * Drafts of one or several source accounts, checked as they are typed: the client's copy of the
 * BFF's rules at once, the BFF's own check shortly after, and the answer to saving last. Errors
 * show on fields that were touched, and on all of them once saving was tried.
 */
export function useAccountDrafts(
  scope: { companyId: string; connectionId: string; version: Version; /** Seen on the connection's accounts, not just chosen. */ versionKnown: boolean },
  mode: 'single' | 'batch',
) {
  const rows = mode === 'single' ? 1 : 2;
  const [drafts, setDrafts] = useState<AccountDraft[]>(() => Array.from({ length: rows }, emptyDraft));
  const [touched, setTouched] = useState<Array<Set<Field>>>(() => Array.from({ length: rows }, () => new Set()));
  const [submitted, setSubmitted] = useState(false);
  /** The BFF's answer when saving, shown until the next edit. */
  const [saveErrors, setSaveErrors] = useState<FieldError[]>([]);

  const single = mode === 'single';
  const dirty = submitted || touched.some((t) => t.size > 0);
  const payloads = drafts.map(toPayload);
  // A version the user only chose is not sent: the BFF checks against the one it has seen, or the body's shape.
  const target = { companyId: scope.companyId, connectionId: scope.connectionId, ...(scope.versionKnown ? { version: scope.version } : {}) };
  const body = single ? { ...target, account: payloads[0] } : { ...target, accounts: payloads };
  const server = useServerValidation(dirty ? body : undefined);
  const serverErrors = saveErrors.length > 0 ? saveErrors : server.errors;

  const errorsFor = (row: number): FieldErrors => {
    const client = checkDraft(drafts[row]!, scope.version);
    const fromServer = serverErrorsFor(serverErrors, single ? undefined : row);
    const shown: FieldErrors = {};
    for (const field of FIELDS) {
      if (!submitted && !touched[row]?.has(field)) continue;
      const message = client[field] ?? fromServer[field];
      if (message) shown[field] = message;
    }
    return shown;
  };
  const clientValid = drafts.every((draft) => Object.keys(checkDraft(draft, scope.version)).length === 0);

  return {
    drafts,
    payloads,
    errorsFor,
    clientValid,
    serverErrors,
    checkUnavailable: server.unavailable,
    change(row: number, field: Field, value: string) {
      setDrafts((all) => all.map((draft, i) => (i === row ? { ...draft, [field]: value } : draft)));
      setTouched((all) => all.map((t, i) => (i === row ? new Set(t).add(field) : t)));
      setSaveErrors([]);
    },
    submit: () => setSubmitted(true),
    setSaveErrors,
    addRow() {
      setDrafts((all) => [...all, emptyDraft()]);
      setTouched((all) => [...all, new Set()]);
    },
    removeRow(row: number) {
      setDrafts((all) => all.filter((_, i) => i !== row));
      setTouched((all) => all.filter((_, i) => i !== row));
      setSaveErrors([]);
    },
    /** Keep only these rows (the ones a batch did not create), to fix and send again. */
    keepRows(rowsToKeep: number[]) {
      setDrafts((all) => all.filter((_, i) => rowsToKeep.includes(i)));
      setTouched((all) => all.filter((_, i) => rowsToKeep.includes(i)));
      setSaveErrors([]);
    },
  };
}
