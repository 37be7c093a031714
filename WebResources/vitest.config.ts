import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["tests/unit/**/*.test.ts"],
        environment: "node",
        restoreMocks: true,
        unstubGlobals: true,
        reporters: ["default", "json"],
        outputFile: { json: "test-output/vitest.json" },
    },
});
