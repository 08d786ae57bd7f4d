// opencc-js publishes each dictionary as its own module (`exports["./*"]`) without declaring
// its type: every one is a serialized table, `source target|source target|…`.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
