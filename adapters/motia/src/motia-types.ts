// The Motia 0.17 adapter types these classes implement (from @motiadev/core
// 0.17.x), declared here so the package needs
// no runtime dependency on Motia.
export interface StateItem {
  groupId: string;
  key: string;
  type: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
  value: string | number | boolean | object | unknown[] | null;
}
export interface StateFilter {
  valueKey: string;
  operation: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'notContains' | 'startsWith' | 'endsWith' | 'isNotNull' | 'isNull';
  value: string;
}
export interface StateItemsInput {
  groupId?: string;
  filter?: StateFilter[];
}
export type BaseStreamItem<T = unknown> = T & { id: string };
export interface StateStreamEventChannel {
  groupId: string;
  id?: string;
}
export interface StateStreamEvent<T> {
  type: string;
  data: T;
}
export interface StreamQueryFilter<T> {
  limit?: number;
  offset?: number;
  orderBy?: keyof T;
  orderDirection?: 'asc' | 'desc';
  where?: Partial<T>;
}
export type QueueConfig =
  | { type: 'fifo'; maxRetries: number; visibilityTimeout: number; delaySeconds: number }
  | { type: 'standard'; maxRetries: number; visibilityTimeout: number; delaySeconds: number; concurrency?: number };
export interface Event<T = unknown> {
  topic: string;
  data: T;
  traceId: string;
  flows?: string[];
  messageGroupId?: string;
  [extra: string]: unknown;
}
export interface SubscriptionHandle {
  topic: string;
  id: string;
  unsubscribe: () => Promise<void>;
}
export interface CronLock {
  jobName: string;
  lockId: string;
  acquiredAt: number;
  expiresAt: number;
  instanceId: string;
}
export interface CronLockInfo {
  jobName: string;
  instanceId: string;
  acquiredAt: number;
  expiresAt: number;
}
