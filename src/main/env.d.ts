// electron-vite's `?modulePath` imports: the module is emitted as its own file in out/main and
// the import yields that file's absolute path at run time (used for worker entries).
declare module '*?modulePath' {
  const path: string;
  export default path;
}
