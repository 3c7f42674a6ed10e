// The API client: JSON in, problem details (RFC 7807) turned into errors with the server's message.

export class ApiError extends Error {
  constructor(message, status, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }
}

export function getJson(path, params) {
  const query = params ? params.toString() : '';
  return request(query ? `${path}?${query}` : path, { headers: { Accept: 'application/json' } });
}

/** POSTs a form (multipart when it holds a file) and reads the JSON answer. */
export function postForm(path, form) {
  return request(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
}

async function request(url, init) {
  const response = await fetch(url, init);
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(body?.detail ?? `${response.status} ${response.statusText}`, response.status, body?.parameter ?? null);
  }
  return body;
}

let metaPromise = null;

/** Vocabularies and store facts, loaded once per page view. */
export function meta() {
  metaPromise ??= getJson('/api/meta').catch((error) => {
    metaPromise = null;
    throw error;
  });
  return metaPromise;
}
