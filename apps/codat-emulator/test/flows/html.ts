/**
 * Just enough HTML reading to act like a browser on the emulator's Link pages: find the form
 * holding a given submit button and build the request that clicking it would send.
 */
export interface FormSubmission {
  method: string;
  /** Absolute URL the form posts to. */
  action: string;
  body: URLSearchParams;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

/** The form containing the submit button `name=value`, as a browser on `pageUrl` would submit it. */
export function formFor(
  html: string,
  pageUrl: string,
  button: { name: string; value: string },
): FormSubmission {
  for (const [, formTag, inner] of html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/gi)) {
    const buttons = [...inner!.matchAll(/<button\b[^>]*>/gi)].map(([tag]) => tag);
    const clicked = buttons.find(
      (tag) => attribute(tag, 'name') === button.name && attribute(tag, 'value') === button.value,
    );
    if (!clicked) continue;
    const body = new URLSearchParams();
    for (const [input] of inner!.matchAll(/<input\b[^>]*>/gi)) {
      const name = attribute(input, 'name');
      if (name) body.append(name, attribute(input, 'value') ?? '');
    }
    body.append(button.name, button.value);
    return {
      method: (attribute(formTag!, 'method') ?? 'get').toUpperCase(),
      action: new URL(attribute(formTag!, 'action') ?? '', pageUrl).toString(),
      body,
    };
  }
  throw new Error(
    `no form with a ${button.name}=${button.value} button on ${pageUrl}:\n${html.slice(0, 2000)}`,
  );
}

export async function submit(
  form: FormSubmission,
  fields: Record<string, string> = {},
): Promise<Response> {
  for (const [name, value] of Object.entries(fields)) form.body.set(name, value);
  return fetch(form.action, {
    method: form.method,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.body,
    redirect: 'manual',
  });
}
