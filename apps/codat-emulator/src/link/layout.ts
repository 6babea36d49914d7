import { html, raw } from 'hono/html';

/** What `html\`…\`` produces; nest it in another template without re-escaping. */
export type Html = ReturnType<typeof html>;

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #1c1f24; }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  ul.choices { list-style: none; padding: 0; display: grid; gap: .5rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #3a4ad8; background: #3a4ad8; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #3a4ad8; }
  ul.choices button { width: 100%; text-align: left; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
  .error { color: #a4161a; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  footer { color: #5a6270; font-size: .85rem; margin-top: 2rem; }
`;

/** A complete page; every Link page says it is the emulator's stand-in for Codat's. */
export function page(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Codat Link (emulator)</title>
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    <main>
      ${body}
      <footer>Simulated Codat Link, served by the local Codat emulator.</footer>
    </main>
  </body>
</html>`;
}

export function messagePage(title: string, message: string): Html {
  return page(title, html`<h1>${title}</h1><p>${message}</p>`);
}
