import { API_ENDPOINTS, openApiDocument } from "@/lib/api/openapi";
import { badRequest, jsonResponse } from "@/lib/http/api.server";
import { publicOrigin } from "@/lib/http/site";

export const dynamic = "force-dynamic";

const self = API_ENDPOINTS.find((e) => e.path === "/api/v1/openapi.json")!;

export async function GET(request: Request) {
  const keys = [...new Set(new URL(request.url).searchParams.keys())];
  if (keys.length)
    return badRequest(
      keys.map((k) => ({ parameter: k, message: `Unknown parameter "${k}". This address takes none.` })),
    );
  return jsonResponse(self.response, openApiDocument(publicOrigin()));
}
