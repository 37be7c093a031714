import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["tests/unit/**/*.test.ts"],
        environment: "node",
        // UTC+14: a date that the code read in UTC instead of the user's zone would change day here, so
        // the date-only tests can fail; on a UTC machine they could not.
        env: { TZ: "Pacific/Kiritimati" },
        restoreMocks: true,
        unstubGlobals: true,
        reporters: ["default", "json"],
        outputFile: { json: "test-output/vitest.json" },
    },
});
