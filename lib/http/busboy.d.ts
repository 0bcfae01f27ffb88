// Next.js ships busboy (the multipart parser its Server Actions use) without types; this is the part we call.
declare module "next/dist/compiled/busboy" {
  import type { Writable } from "node:stream";
  interface Busboy extends Writable {
    on(event: "field", listener: (name: string, value: string) => void): this;
    on(event: "file", listener: (name: string, stream: NodeJS.ReadableStream) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: "close", listener: () => void): this;
  }
  export default function busboy(config: {
    headers: Record<string, string>;
    defParamCharset?: string;
    limits?: { fieldSize?: number };
  }): Busboy;
}
