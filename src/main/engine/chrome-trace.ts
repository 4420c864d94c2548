// The trace format lives in src/shared (the renderer exports and imports traces too); the
// CLI and its tests keep importing it from here.
export * from '../../shared/chrome-trace';
