// The browser host's access token on the page's side. The host prints the page address with
// `?token=…`; the page keeps the token for this tab (sessionStorage, so a reload still has it;
// where storage is refused, only the page's one client holds it) and takes it out of the address bar at once, so it does
// not stay in the history, a bookmark or a screenshot of the lecture hall's projector.

export const TOKEN_PARAM = 'token';
const STORAGE_KEY = 'corescope.host-token';

/** The parts of window.location, sessionStorage and history used here. */
export interface TokenPage {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  replaceUrl(url: string): void;
}

/** The token from the address (then dropped from it) or from this tab's storage. */
export function takeToken(page: TokenPage): string | undefined {
  const params = new URLSearchParams(page.location.search);
  const given = params.get(TOKEN_PARAM);
  if (given !== null && given !== '') {
    try {
      page.storage?.setItem(STORAGE_KEY, given);
    } catch {
      // Storage refused: the page's one client holds it until the tab reloads.
    }
    params.delete(TOKEN_PARAM);
    const rest = params.toString();
    page.replaceUrl(
      `${page.location.pathname}${rest === '' ? '' : `?${rest}`}${page.location.hash}`,
    );
    return given;
  }
  try {
    return page.storage?.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** What the page says when it has no token to show the host. */
export const NO_TOKEN =
  'this page has no access token: open the address `npm run serve` printed (it ends in ?token=…)';
