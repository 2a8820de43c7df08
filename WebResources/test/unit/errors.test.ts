import { describe, expect, it } from "vitest";
import { classify, errorCode } from "../../src/panel/errors";

describe("classify", () => {
  it("recognises privilege errors in every form Xrm and the Web API report them", () => {
    expect(classify({ errorCode: 2147746336, message: "Principal user is missing prvReadLead" })).toBe("permission");
    expect(classify({ errorCode: -2147220960 })).toBe("permission");
    expect(classify({ code: "0x80040220" })).toBe("permission");
    expect(classify({ errorCode: 0x80048306 })).toBe("permission");
    expect(classify({ errorCode: -2147220839 })).toBe("permission");
    expect(classify({ status: 403, message: "Forbidden" })).toBe("permission");
  });
  it("tells not found, network and other errors apart", () => {
    expect(classify({ errorCode: 0x80040217 })).toBe("notfound");
    expect(classify(new TypeError("Failed to fetch"))).toBe("network");
    expect(classify({ message: "A network error occurred" })).toBe("network");
    expect(classify({ errorCode: 0x80060891, message: "Server busy" })).toBe("error");
    expect(classify("boom")).toBe("error");
  });
  it("normalises codes to unsigned", () => {
    expect(errorCode({ errorCode: -2147220960 })).toBe(2147746336);
    expect(errorCode({})).toBeNull();
  });
});
