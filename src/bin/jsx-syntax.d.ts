// Types of jsx-syntax.js, which is plain JavaScript because code.js loads it before any TypeScript.
/** Where esbuild places a message; `column` counts bytes of UTF-8. */
export interface EsbuildLocation {
  file: string;
  line: number;
  column: number;
  lineText: string;
  suggestion?: string;
}
export interface EsbuildMessage {
  text: string;
  location?: EsbuildLocation | null;
  notes?: { text: string; location?: EsbuildLocation | null }[];
}
export declare function jsxSyntaxProblem(
  error: EsbuildMessage,
  text: string,
  parse?: (text: string) => EsbuildMessage[],
): { line: number; message: string; hint: string } | undefined;
export declare function parseTsx(text: string): EsbuildMessage[];
