import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

/** The home-screen icon: the product's mark, as the favicon (app/icon.svg) draws it. */
export default function AppleIcon() {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#d6336c",
        color: "#fff",
        fontSize: 120,
        fontWeight: 700,
      }}
    >
      0
    </div>,
    size,
  );
}
