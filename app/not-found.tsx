import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-4xl font-bold">Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        You can <Link href="/recommendations">browse the recommendations</Link> or{" "}
        <Link href="/milestones">the milestones</Link>.
      </p>
    </div>
  );
}
