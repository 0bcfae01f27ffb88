/**
 * A page's query as Next.js hands it over (a plain object), or a route handler's URLSearchParams.
 *
 * Next.js builds the object by assignment, so a parameter named `__proto__` replaces the object's prototype and the
 * names that follow it can read inherited values: after `?__proto__=x&sort=a`, `sort` holds Array.prototype.sort
 * as well as "a". Every parser reads the query through `toSearchParams`, which keeps only own string values.
 */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

export function toSearchParams(params: SearchParamsLike): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const query = new URLSearchParams();
  for (const name of Object.keys(params)) {
    const values: unknown = params[name];
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value === "string") query.append(name, value);
    }
  }
  return query;
}
