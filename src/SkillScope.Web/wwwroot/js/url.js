// Page URLs carry the view's filters under the API's own parameter names, so a URL can be shared and the
// page passes its query straight to the API.

export function urlFor(path, params) {
  const query = params ? params.toString() : '';
  return query ? `${path}?${query}` : path;
}

/** Records a filter change in the address bar (back goes to the previous filters). */
export function pushParams(params) {
  history.pushState(null, '', urlFor(location.pathname, params));
}

/** The parameters of <params> whose names are in <names>, in order. */
export function pick(params, names) {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (names.includes(key)) out.append(key, value);
  return out;
}

/** Values of a multi-valued parameter as the API reads them: repeated or comma-separated. */
export function values(params, name) {
  return params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
