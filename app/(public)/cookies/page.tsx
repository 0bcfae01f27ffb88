import type { Metadata } from "next";
import { Table, td, th } from "@/components/ui/table";
import { staffCookies, usesSecureCookies } from "@/lib/auth/cookies";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cookies" };

export default function CookiesPage() {
  const cookies = staffCookies(usesSecureCookies());
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-4">
        <h1 className="text-4xl font-bold">Cookies</h1>
        <p className="text-xl">
          Cookies are small files saved on your phone, tablet or computer when you visit a website.
        </p>
      </div>

      <section aria-labelledby="readers" className="space-y-3">
        <h2 id="readers" className="text-2xl font-bold">
          Reading the tracker: no cookies
        </h2>
        <p>
          The public pages, the open data and the feeds set no cookies, and the tracker uses no analytics or advertising
          cookies and no cookies from other websites. That is why it does not ask you to accept cookies.
        </p>
      </section>

      <section aria-labelledby="staff" className="space-y-3">
        <h2 id="staff" className="text-2xl font-bold">
          Signing in as staff: essential cookies
        </h2>
        <p>
          Department for Education staff who sign in to update the tracker get the cookies below. They are needed to
          sign in and stay signed in securely, so they are set without asking. None of them is used to track you.
        </p>
        <Table caption="Cookies set when staff sign in" captionVisible>
          <thead>
            <tr>
              <th scope="col" className={th}>
                Name
              </th>
              <th scope="col" className={th}>
                Purpose
              </th>
              <th scope="col" className={th}>
                Expires
              </th>
            </tr>
          </thead>
          <tbody>
            {cookies.map((c) => (
              <tr key={c.name}>
                <td className={`${td} break-words`}>
                  <code>{c.name}</code>
                </td>
                <td className={td}>{c.purpose}</td>
                <td className={td}>{c.expires}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </div>
  );
}
