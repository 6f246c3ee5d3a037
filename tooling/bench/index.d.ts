export declare const BENCHMARKS_FILE: string;
export declare function sample(fn: (i: number) => unknown, opts?: { runs?: number; warmup?: number }): Promise<number[]>;
export declare function quantile(values: number[], q: number): number;
export declare function median(values: number[]): number;
export declare function p95(values: number[]): number;
export declare function machine(): string;
export declare function peakRssMiB(): number;
export declare function writeSection(id: string, markdown: string): void;
export declare function fmt(ms: number): string;
