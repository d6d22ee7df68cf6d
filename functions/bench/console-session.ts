/** Signs in to the console over plain HTTP (no browser): the session cookie and the CSRF token of its forms. */
export async function consoleSession(baseUrl: string, moderatorKey: string): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${baseUrl}/console/sign-in`);
  const signInCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_signin" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('no sign-in token on the sign-in page');
  const signedIn = await fetch(`${baseUrl}/console/sign-in`, {
    method: 'POST',
    headers: { cookie: signInCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _signin: token, key: moderatorKey }).toString(),
    redirect: 'manual',
  });
  const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('hc_console='))?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: ${signedIn.status}`);
  const page = await (await fetch(`${baseUrl}/console`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on the queue page');
  return { cookie, csrf };
}
