import { describe, expect, it } from "vitest";
import { deviceCookieValue, issueDeviceCookie, readDeviceCookie } from "@/lib/auth/device-cookie";

const SECRET = "a secret only the server knows";

describe("device cookies", () => {
  it("name the account and device they were issued for", () => {
    const { device, value } = issueDeviceCookie(42, SECRET);
    expect(device.userId).toBe(42);
    expect(readDeviceCookie(value, SECRET)).toEqual(device);
    expect(issueDeviceCookie(42, SECRET).device.id).not.toBe(device.id);
  });

  it("are refused when forged, altered, signed with another secret or malformed", () => {
    const { device, value } = issueDeviceCookie(7, SECRET);
    expect(readDeviceCookie(value, "another secret")).toBeNull();
    expect(readDeviceCookie(value, undefined)).toBeNull();
    // Another account, same device id and signature.
    expect(readDeviceCookie(value.replace(/^7\./, "8."), SECRET)).toBeNull();
    // A signature made for another device.
    const other = deviceCookieValue({ userId: 7, id: "c".repeat(22) }, SECRET);
    expect(readDeviceCookie(`7.${device.id}.${other.split(".")[2]}`, SECRET)).toBeNull();
    for (const bad of [
      "",
      "7",
      "7.x.y",
      `${value}.`,
      ` ${value}`,
      `0.${device.id}.${value.split(".")[2]}`,
      "x".repeat(500),
    ])
      expect(readDeviceCookie(bad, SECRET), bad).toBeNull();
  });
});
