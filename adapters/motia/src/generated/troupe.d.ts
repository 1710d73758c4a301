// Generated from protocol/troupe.proto by `npm run gen:proto` (scripts/gen-proto.mjs). Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace troupe {

    namespace v1 {

        enum ErrorCode {
            OK = 0,
            INVALID_ARGUMENT = 1,
            NOT_FOUND = 2,
            CONFLICT = 3,
            TOO_LARGE = 4,
            UNAUTHENTICATED = 5,
            NOT_LEADER = 6,
            UNAVAILABLE = 7,
            INTERNAL = 8
        }

        interface IError {
            code?: (troupe.v1.ErrorCode|null);
            message?: (string|null);
            leaderHint?: (string|null);
            leaderNode?: (string|null);
        }

        class Error implements IError {
            constructor(properties?: troupe.v1.IError);
            public code: troupe.v1.ErrorCode;
            public message: string;
            public leaderHint: string;
            public leaderNode: string;
            public static create(properties?: troupe.v1.IError): troupe.v1.Error;
            public static encode(message: troupe.v1.IError, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Error;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Error;
            public static toObject(message: troupe.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IHello {
            protocolVersion?: (number|null);
            clientName?: (string|null);
            token?: (string|null);
        }

        class Hello implements IHello {
            constructor(properties?: troupe.v1.IHello);
            public protocolVersion: number;
            public clientName: string;
            public token: string;
            public static create(properties?: troupe.v1.IHello): troupe.v1.Hello;
            public static encode(message: troupe.v1.IHello, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Hello;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Hello;
            public static toObject(message: troupe.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IWelcome {
            protocolVersion?: (number|null);
            nodeId?: (string|null);
            clusterName?: (string|null);
            partitionCount?: (number|null);
            partitionEpoch?: (number|Long|null);
            maxFrameBytes?: (number|Long|null);
            partitionTable?: (troupe.v1.IPartitionTable|null);
        }

        class Welcome implements IWelcome {
            constructor(properties?: troupe.v1.IWelcome);
            public protocolVersion: number;
            public nodeId: string;
            public clusterName: string;
            public partitionCount: number;
            public partitionEpoch: (number|Long);
            public maxFrameBytes: (number|Long);
            public partitionTable?: (troupe.v1.IPartitionTable|null);
            public static create(properties?: troupe.v1.IWelcome): troupe.v1.Welcome;
            public static encode(message: troupe.v1.IWelcome, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Welcome;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Welcome;
            public static toObject(message: troupe.v1.Welcome, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IClusterMember {
            nodeId?: (string|null);
            clientAddress?: (string|null);
            clusterAddress?: (string|null);
            respAddress?: (string|null);
            reachable?: (boolean|null);
            partitions?: (number|null);
            leaving?: (boolean|null);
        }

        class ClusterMember implements IClusterMember {
            constructor(properties?: troupe.v1.IClusterMember);
            public nodeId: string;
            public clientAddress: string;
            public clusterAddress: string;
            public respAddress: string;
            public reachable: boolean;
            public partitions: number;
            public leaving: boolean;
            public static create(properties?: troupe.v1.IClusterMember): troupe.v1.ClusterMember;
            public static encode(message: troupe.v1.IClusterMember, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterMember;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ClusterMember;
            public static toObject(message: troupe.v1.ClusterMember, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPartitionTable {
            epoch?: (number|Long|null);
            owners?: (string[]|null);
            members?: (troupe.v1.IClusterMember[]|null);
            clusterId?: (string|null);
            founders?: (string[]|null);
        }

        class PartitionTable implements IPartitionTable {
            constructor(properties?: troupe.v1.IPartitionTable);
            public epoch: (number|Long);
            public owners: string[];
            public members: troupe.v1.IClusterMember[];
            public clusterId: string;
            public founders: string[];
            public static create(properties?: troupe.v1.IPartitionTable): troupe.v1.PartitionTable;
            public static encode(message: troupe.v1.IPartitionTable, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.PartitionTable;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.PartitionTable;
            public static toObject(message: troupe.v1.PartitionTable, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IClusterStatus {
        }

        class ClusterStatus implements IClusterStatus {
            constructor(properties?: troupe.v1.IClusterStatus);
            public static create(properties?: troupe.v1.IClusterStatus): troupe.v1.ClusterStatus;
            public static encode(message: troupe.v1.IClusterStatus, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterStatus;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ClusterStatus;
            public static toObject(message: troupe.v1.ClusterStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IClusterDrain {
            nodeId?: (string|null);
        }

        class ClusterDrain implements IClusterDrain {
            constructor(properties?: troupe.v1.IClusterDrain);
            public nodeId: string;
            public static create(properties?: troupe.v1.IClusterDrain): troupe.v1.ClusterDrain;
            public static encode(message: troupe.v1.IClusterDrain, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterDrain;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ClusterDrain;
            public static toObject(message: troupe.v1.ClusterDrain, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IClusterTransferLeader {
            partition?: (number|null);
            nodeId?: (string|null);
        }

        class ClusterTransferLeader implements IClusterTransferLeader {
            constructor(properties?: troupe.v1.IClusterTransferLeader);
            public partition: number;
            public nodeId: string;
            public static create(properties?: troupe.v1.IClusterTransferLeader): troupe.v1.ClusterTransferLeader;
            public static encode(message: troupe.v1.IClusterTransferLeader, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterTransferLeader;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ClusterTransferLeader;
            public static toObject(message: troupe.v1.ClusterTransferLeader, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IReplicaProgress {
            nodeId?: (string|null);
            match?: (number|Long|null);
            active?: (boolean|null);
        }

        class ReplicaProgress implements IReplicaProgress {
            constructor(properties?: troupe.v1.IReplicaProgress);
            public nodeId: string;
            public match: (number|Long);
            public active: boolean;
            public static create(properties?: troupe.v1.IReplicaProgress): troupe.v1.ReplicaProgress;
            public static encode(message: troupe.v1.IReplicaProgress, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ReplicaProgress;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ReplicaProgress;
            public static toObject(message: troupe.v1.ReplicaProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IGroupStatus {
            partition?: (number|null);
            term?: (number|Long|null);
            commit?: (number|Long|null);
            last?: (number|Long|null);
            replicas?: (troupe.v1.IReplicaProgress[]|null);
        }

        class GroupStatus implements IGroupStatus {
            constructor(properties?: troupe.v1.IGroupStatus);
            public partition: number;
            public term: (number|Long);
            public commit: (number|Long);
            public last: (number|Long);
            public replicas: troupe.v1.IReplicaProgress[];
            public static create(properties?: troupe.v1.IGroupStatus): troupe.v1.GroupStatus;
            public static encode(message: troupe.v1.IGroupStatus, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.GroupStatus;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.GroupStatus;
            public static toObject(message: troupe.v1.GroupStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IClusterStatusReply {
            nodeId?: (string|null);
            coordinator?: (string|null);
            table?: (troupe.v1.IPartitionTable|null);
            moving?: (number|null);
            led?: (troupe.v1.IGroupStatus[]|null);
        }

        class ClusterStatusReply implements IClusterStatusReply {
            constructor(properties?: troupe.v1.IClusterStatusReply);
            public nodeId: string;
            public coordinator: string;
            public table?: (troupe.v1.IPartitionTable|null);
            public moving: number;
            public led: troupe.v1.IGroupStatus[];
            public static create(properties?: troupe.v1.IClusterStatusReply): troupe.v1.ClusterStatusReply;
            public static encode(message: troupe.v1.IClusterStatusReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ClusterStatusReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ClusterStatusReply;
            public static toObject(message: troupe.v1.ClusterStatusReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPartitionChunk {
            partition?: (number|null);
            entries?: (troupe.v1.PartitionChunk.IEntry[]|null);
            nextColumn?: (number|null);
            nextAfter?: (Uint8Array|null);
            done?: (boolean|null);
        }

        class PartitionChunk implements IPartitionChunk {
            constructor(properties?: troupe.v1.IPartitionChunk);
            public partition: number;
            public entries: troupe.v1.PartitionChunk.IEntry[];
            public nextColumn: number;
            public nextAfter: Uint8Array;
            public done: boolean;
            public static create(properties?: troupe.v1.IPartitionChunk): troupe.v1.PartitionChunk;
            public static encode(message: troupe.v1.IPartitionChunk, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.PartitionChunk;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.PartitionChunk;
            public static toObject(message: troupe.v1.PartitionChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        namespace PartitionChunk {

            interface IEntry {
                column?: (number|null);
                key?: (Uint8Array|null);
                value?: (Uint8Array|null);
                deleted?: (boolean|null);
            }

            class Entry implements IEntry {
                constructor(properties?: troupe.v1.PartitionChunk.IEntry);
                public column: number;
                public key: Uint8Array;
                public value: Uint8Array;
                public deleted: boolean;
                public static create(properties?: troupe.v1.PartitionChunk.IEntry): troupe.v1.PartitionChunk.Entry;
                public static encode(message: troupe.v1.PartitionChunk.IEntry, writer?: $protobuf.Writer): $protobuf.Writer;
                public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.PartitionChunk.Entry;
                public static verify(message: { [k: string]: any }): (string|null);
                public static fromObject(object: { [k: string]: any }): troupe.v1.PartitionChunk.Entry;
                public static toObject(message: troupe.v1.PartitionChunk.Entry, options?: $protobuf.IConversionOptions): { [k: string]: any };
                public toJSON(): { [k: string]: any };
            }
        }

        interface IExportChunk {
            partition?: (number|null);
            column?: (number|null);
            after?: (Uint8Array|null);
            maxBytes?: (number|null);
            exportId?: (number|Long|null);
        }

        class ExportChunk implements IExportChunk {
            constructor(properties?: troupe.v1.IExportChunk);
            public partition: number;
            public column: number;
            public after: Uint8Array;
            public maxBytes: number;
            public exportId: (number|Long);
            public static create(properties?: troupe.v1.IExportChunk): troupe.v1.ExportChunk;
            public static encode(message: troupe.v1.IExportChunk, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ExportChunk;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ExportChunk;
            public static toObject(message: troupe.v1.ExportChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IImportChunk {
            chunk?: (troupe.v1.IPartitionChunk|null);
            first?: (boolean|null);
            replace?: (boolean|null);
        }

        class ImportChunk implements IImportChunk {
            constructor(properties?: troupe.v1.IImportChunk);
            public chunk?: (troupe.v1.IPartitionChunk|null);
            public first: boolean;
            public replace: boolean;
            public static create(properties?: troupe.v1.IImportChunk): troupe.v1.ImportChunk;
            public static encode(message: troupe.v1.IImportChunk, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ImportChunk;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ImportChunk;
            public static toObject(message: troupe.v1.ImportChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateGet {
            traceId?: (Uint8Array|null);
            key?: (Uint8Array|null);
        }

        class StateGet implements IStateGet {
            constructor(properties?: troupe.v1.IStateGet);
            public traceId: Uint8Array;
            public key: Uint8Array;
            public static create(properties?: troupe.v1.IStateGet): troupe.v1.StateGet;
            public static encode(message: troupe.v1.IStateGet, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateGet;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateGet;
            public static toObject(message: troupe.v1.StateGet, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateExists {
            traceId?: (Uint8Array|null);
            key?: (Uint8Array|null);
        }

        class StateExists implements IStateExists {
            constructor(properties?: troupe.v1.IStateExists);
            public traceId: Uint8Array;
            public key: Uint8Array;
            public static create(properties?: troupe.v1.IStateExists): troupe.v1.StateExists;
            public static encode(message: troupe.v1.IStateExists, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateExists;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateExists;
            public static toObject(message: troupe.v1.StateExists, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateGetMany {
            traceId?: (Uint8Array|null);
            keys?: (Uint8Array[]|null);
        }

        class StateGetMany implements IStateGetMany {
            constructor(properties?: troupe.v1.IStateGetMany);
            public traceId: Uint8Array;
            public keys: Uint8Array[];
            public static create(properties?: troupe.v1.IStateGetMany): troupe.v1.StateGetMany;
            public static encode(message: troupe.v1.IStateGetMany, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateGetMany;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateGetMany;
            public static toObject(message: troupe.v1.StateGetMany, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateSet {
            traceId?: (Uint8Array|null);
            key?: (Uint8Array|null);
            value?: (Uint8Array|null);
            ttlMs?: (number|Long|null);
            expectedRevision?: (number|Long|null);
        }

        class StateSet implements IStateSet {
            constructor(properties?: troupe.v1.IStateSet);
            public traceId: Uint8Array;
            public key: Uint8Array;
            public value: Uint8Array;
            public ttlMs: (number|Long);
            public expectedRevision?: (number|Long|null);
            public _expectedRevision?: "expectedRevision";
            public static create(properties?: troupe.v1.IStateSet): troupe.v1.StateSet;
            public static encode(message: troupe.v1.IStateSet, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateSet;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateSet;
            public static toObject(message: troupe.v1.StateSet, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateEntry {
            key?: (Uint8Array|null);
            value?: (Uint8Array|null);
            expectedRevision?: (number|Long|null);
        }

        class StateEntry implements IStateEntry {
            constructor(properties?: troupe.v1.IStateEntry);
            public key: Uint8Array;
            public value: Uint8Array;
            public expectedRevision?: (number|Long|null);
            public _expectedRevision?: "expectedRevision";
            public static create(properties?: troupe.v1.IStateEntry): troupe.v1.StateEntry;
            public static encode(message: troupe.v1.IStateEntry, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateEntry;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateEntry;
            public static toObject(message: troupe.v1.StateEntry, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateSetMany {
            traceId?: (Uint8Array|null);
            entries?: (troupe.v1.IStateEntry[]|null);
            ttlMs?: (number|Long|null);
        }

        class StateSetMany implements IStateSetMany {
            constructor(properties?: troupe.v1.IStateSetMany);
            public traceId: Uint8Array;
            public entries: troupe.v1.IStateEntry[];
            public ttlMs: (number|Long);
            public static create(properties?: troupe.v1.IStateSetMany): troupe.v1.StateSetMany;
            public static encode(message: troupe.v1.IStateSetMany, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateSetMany;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateSetMany;
            public static toObject(message: troupe.v1.StateSetMany, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateDelete {
            traceId?: (Uint8Array|null);
            key?: (Uint8Array|null);
            expectedRevision?: (number|Long|null);
        }

        class StateDelete implements IStateDelete {
            constructor(properties?: troupe.v1.IStateDelete);
            public traceId: Uint8Array;
            public key: Uint8Array;
            public expectedRevision?: (number|Long|null);
            public _expectedRevision?: "expectedRevision";
            public static create(properties?: troupe.v1.IStateDelete): troupe.v1.StateDelete;
            public static encode(message: troupe.v1.IStateDelete, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateDelete;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateDelete;
            public static toObject(message: troupe.v1.StateDelete, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateKeys {
            traceId?: (Uint8Array|null);
        }

        class StateKeys implements IStateKeys {
            constructor(properties?: troupe.v1.IStateKeys);
            public traceId: Uint8Array;
            public static create(properties?: troupe.v1.IStateKeys): troupe.v1.StateKeys;
            public static encode(message: troupe.v1.IStateKeys, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateKeys;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateKeys;
            public static toObject(message: troupe.v1.StateKeys, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateClear {
            traceId?: (Uint8Array|null);
        }

        class StateClear implements IStateClear {
            constructor(properties?: troupe.v1.IStateClear);
            public traceId: Uint8Array;
            public static create(properties?: troupe.v1.IStateClear): troupe.v1.StateClear;
            public static encode(message: troupe.v1.IStateClear, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateClear;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateClear;
            public static toObject(message: troupe.v1.StateClear, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateGetGroup {
            traceId?: (Uint8Array|null);
        }

        class StateGetGroup implements IStateGetGroup {
            constructor(properties?: troupe.v1.IStateGetGroup);
            public traceId: Uint8Array;
            public static create(properties?: troupe.v1.IStateGetGroup): troupe.v1.StateGetGroup;
            public static encode(message: troupe.v1.IStateGetGroup, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateGetGroup;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateGetGroup;
            public static toObject(message: troupe.v1.StateGetGroup, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateTraceIds {
        }

        class StateTraceIds implements IStateTraceIds {
            constructor(properties?: troupe.v1.IStateTraceIds);
            public static create(properties?: troupe.v1.IStateTraceIds): troupe.v1.StateTraceIds;
            public static encode(message: troupe.v1.IStateTraceIds, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateTraceIds;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateTraceIds;
            public static toObject(message: troupe.v1.StateTraceIds, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        enum FilterOp {
            FILTER_UNSPECIFIED = 0,
            EQ = 1,
            NEQ = 2,
            GT = 3,
            GTE = 4,
            LT = 5,
            LTE = 6,
            CONTAINS = 7,
            NOT_CONTAINS = 8,
            STARTS_WITH = 9,
            ENDS_WITH = 10,
            IS_NOT_NULL = 11,
            IS_NULL = 12
        }

        interface IStateFilter {
            valueKey?: (Uint8Array|null);
            op?: (troupe.v1.FilterOp|null);
            value?: (Uint8Array|null);
        }

        class StateFilter implements IStateFilter {
            constructor(properties?: troupe.v1.IStateFilter);
            public valueKey: Uint8Array;
            public op: troupe.v1.FilterOp;
            public value: Uint8Array;
            public static create(properties?: troupe.v1.IStateFilter): troupe.v1.StateFilter;
            public static encode(message: troupe.v1.IStateFilter, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateFilter;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateFilter;
            public static toObject(message: troupe.v1.StateFilter, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateItems {
            groupId?: (Uint8Array|null);
            filters?: (troupe.v1.IStateFilter[]|null);
        }

        class StateItems implements IStateItems {
            constructor(properties?: troupe.v1.IStateItems);
            public groupId?: (Uint8Array|null);
            public filters: troupe.v1.IStateFilter[];
            public _groupId?: "groupId";
            public static create(properties?: troupe.v1.IStateItems): troupe.v1.StateItems;
            public static encode(message: troupe.v1.IStateItems, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateItems;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateItems;
            public static toObject(message: troupe.v1.StateItems, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPing {
            payload?: (Uint8Array|null);
        }

        class Ping implements IPing {
            constructor(properties?: troupe.v1.IPing);
            public payload: Uint8Array;
            public static create(properties?: troupe.v1.IPing): troupe.v1.Ping;
            public static encode(message: troupe.v1.IPing, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Ping;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Ping;
            public static toObject(message: troupe.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamGet {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
            id?: (Uint8Array|null);
        }

        class StreamGet implements IStreamGet {
            constructor(properties?: troupe.v1.IStreamGet);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public id: Uint8Array;
            public static create(properties?: troupe.v1.IStreamGet): troupe.v1.StreamGet;
            public static encode(message: troupe.v1.IStreamGet, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamGet;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamGet;
            public static toObject(message: troupe.v1.StreamGet, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamSet {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
            id?: (Uint8Array|null);
            data?: (Uint8Array|null);
        }

        class StreamSet implements IStreamSet {
            constructor(properties?: troupe.v1.IStreamSet);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public id: Uint8Array;
            public data: Uint8Array;
            public static create(properties?: troupe.v1.IStreamSet): troupe.v1.StreamSet;
            public static encode(message: troupe.v1.IStreamSet, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamSet;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamSet;
            public static toObject(message: troupe.v1.StreamSet, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamDelete {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
            id?: (Uint8Array|null);
        }

        class StreamDelete implements IStreamDelete {
            constructor(properties?: troupe.v1.IStreamDelete);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public id: Uint8Array;
            public static create(properties?: troupe.v1.IStreamDelete): troupe.v1.StreamDelete;
            public static encode(message: troupe.v1.IStreamDelete, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamDelete;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamDelete;
            public static toObject(message: troupe.v1.StreamDelete, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamGetGroup {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
        }

        class StreamGetGroup implements IStreamGetGroup {
            constructor(properties?: troupe.v1.IStreamGetGroup);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public static create(properties?: troupe.v1.IStreamGetGroup): troupe.v1.StreamGetGroup;
            public static encode(message: troupe.v1.IStreamGetGroup, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamGetGroup;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamGetGroup;
            public static toObject(message: troupe.v1.StreamGetGroup, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamClear {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
        }

        class StreamClear implements IStreamClear {
            constructor(properties?: troupe.v1.IStreamClear);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public static create(properties?: troupe.v1.IStreamClear): troupe.v1.StreamClear;
            public static encode(message: troupe.v1.IStreamClear, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamClear;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamClear;
            public static toObject(message: troupe.v1.StreamClear, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamQuery {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
            where?: (Uint8Array|null);
            orderBy?: (Uint8Array|null);
            descending?: (boolean|null);
            offset?: (number|Long|null);
            limit?: (number|Long|null);
        }

        class StreamQuery implements IStreamQuery {
            constructor(properties?: troupe.v1.IStreamQuery);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public where: Uint8Array;
            public orderBy: Uint8Array;
            public descending: boolean;
            public offset: (number|Long);
            public limit: (number|Long);
            public static create(properties?: troupe.v1.IStreamQuery): troupe.v1.StreamQuery;
            public static encode(message: troupe.v1.IStreamQuery, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamQuery;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamQuery;
            public static toObject(message: troupe.v1.StreamQuery, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamListGroups {
            stream?: (Uint8Array|null);
        }

        class StreamListGroups implements IStreamListGroups {
            constructor(properties?: troupe.v1.IStreamListGroups);
            public stream: Uint8Array;
            public static create(properties?: troupe.v1.IStreamListGroups): troupe.v1.StreamListGroups;
            public static encode(message: troupe.v1.IStreamListGroups, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamListGroups;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamListGroups;
            public static toObject(message: troupe.v1.StreamListGroups, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamSubscribe {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
            id?: (Uint8Array|null);
            subscriptionId?: (number|Long|null);
        }

        class StreamSubscribe implements IStreamSubscribe {
            constructor(properties?: troupe.v1.IStreamSubscribe);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public id?: (Uint8Array|null);
            public subscriptionId: (number|Long);
            public _id?: "id";
            public static create(properties?: troupe.v1.IStreamSubscribe): troupe.v1.StreamSubscribe;
            public static encode(message: troupe.v1.IStreamSubscribe, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamSubscribe;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamSubscribe;
            public static toObject(message: troupe.v1.StreamSubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamUnsubscribe {
            subscriptionId?: (number|Long|null);
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
        }

        class StreamUnsubscribe implements IStreamUnsubscribe {
            constructor(properties?: troupe.v1.IStreamUnsubscribe);
            public subscriptionId: (number|Long);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public static create(properties?: troupe.v1.IStreamUnsubscribe): troupe.v1.StreamUnsubscribe;
            public static encode(message: troupe.v1.IStreamUnsubscribe, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamUnsubscribe;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamUnsubscribe;
            public static toObject(message: troupe.v1.StreamUnsubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamSend {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
            id?: (Uint8Array|null);
            type?: (Uint8Array|null);
            data?: (Uint8Array|null);
        }

        class StreamSend implements IStreamSend {
            constructor(properties?: troupe.v1.IStreamSend);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public id?: (Uint8Array|null);
            public type: Uint8Array;
            public data: Uint8Array;
            public _id?: "id";
            public static create(properties?: troupe.v1.IStreamSend): troupe.v1.StreamSend;
            public static encode(message: troupe.v1.IStreamSend, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamSend;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamSend;
            public static toObject(message: troupe.v1.StreamSend, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStats {
        }

        class Stats implements IStats {
            constructor(properties?: troupe.v1.IStats);
            public static create(properties?: troupe.v1.IStats): troupe.v1.Stats;
            public static encode(message: troupe.v1.IStats, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Stats;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Stats;
            public static toObject(message: troupe.v1.Stats, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IQueueConfig {
            type?: (string|null);
            maxRetries?: (number|null);
            visibilityTimeoutMs?: (number|Long|null);
            delayMs?: (number|Long|null);
            concurrency?: (number|null);
            backoffMs?: (number|Long|null);
            exponentialBackoff?: (boolean|null);
            messageTtlMs?: (number|Long|null);
            deadLetterExpired?: (boolean|null);
            maxPriority?: (number|null);
        }

        class QueueConfig implements IQueueConfig {
            constructor(properties?: troupe.v1.IQueueConfig);
            public type: string;
            public maxRetries: number;
            public visibilityTimeoutMs: (number|Long);
            public delayMs: (number|Long);
            public concurrency: number;
            public backoffMs?: (number|Long|null);
            public exponentialBackoff: boolean;
            public messageTtlMs: (number|Long);
            public deadLetterExpired: boolean;
            public maxPriority: number;
            public _backoffMs?: "backoffMs";
            public static create(properties?: troupe.v1.IQueueConfig): troupe.v1.QueueConfig;
            public static encode(message: troupe.v1.IQueueConfig, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.QueueConfig;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.QueueConfig;
            public static toObject(message: troupe.v1.QueueConfig, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEmitEntry {
            data?: (Uint8Array|null);
            traceId?: (Uint8Array|null);
            flows?: (Uint8Array[]|null);
            messageGroupId?: (Uint8Array|null);
            idempotencyKey?: (Uint8Array|null);
            opaque?: (boolean|null);
            expiresInMs?: (number|Long|null);
            priority?: (number|null);
            step?: (Uint8Array|null);
            delayMs?: (number|Long|null);
            attemptsMade?: (number|null);
            lastError?: (string|null);
            dead?: (boolean|null);
        }

        class EmitEntry implements IEmitEntry {
            constructor(properties?: troupe.v1.IEmitEntry);
            public data: Uint8Array;
            public traceId: Uint8Array;
            public flows: Uint8Array[];
            public messageGroupId?: (Uint8Array|null);
            public idempotencyKey: Uint8Array;
            public opaque: boolean;
            public expiresInMs?: (number|Long|null);
            public priority: number;
            public step: Uint8Array;
            public delayMs?: (number|Long|null);
            public attemptsMade: number;
            public lastError: string;
            public dead: boolean;
            public _messageGroupId?: "messageGroupId";
            public _expiresInMs?: "expiresInMs";
            public _delayMs?: "delayMs";
            public static create(properties?: troupe.v1.IEmitEntry): troupe.v1.EmitEntry;
            public static encode(message: troupe.v1.IEmitEntry, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EmitEntry;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EmitEntry;
            public static toObject(message: troupe.v1.EmitEntry, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAmqpMessage {
            exchange?: (Uint8Array|null);
            routingKey?: (Uint8Array|null);
            properties?: (Uint8Array|null);
            body?: (Uint8Array|null);
        }

        class AmqpMessage implements IAmqpMessage {
            constructor(properties?: troupe.v1.IAmqpMessage);
            public exchange: Uint8Array;
            public routingKey: Uint8Array;
            public properties: Uint8Array;
            public body: Uint8Array;
            public static create(properties?: troupe.v1.IAmqpMessage): troupe.v1.AmqpMessage;
            public static encode(message: troupe.v1.IAmqpMessage, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.AmqpMessage;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.AmqpMessage;
            public static toObject(message: troupe.v1.AmqpMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventEmit {
            topic?: (Uint8Array|null);
            event?: (troupe.v1.IEmitEntry|null);
        }

        class EventEmit implements IEventEmit {
            constructor(properties?: troupe.v1.IEventEmit);
            public topic: Uint8Array;
            public event?: (troupe.v1.IEmitEntry|null);
            public static create(properties?: troupe.v1.IEventEmit): troupe.v1.EventEmit;
            public static encode(message: troupe.v1.IEventEmit, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventEmit;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventEmit;
            public static toObject(message: troupe.v1.EventEmit, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventEmitBatch {
            topic?: (Uint8Array|null);
            events?: (troupe.v1.IEmitEntry[]|null);
        }

        class EventEmitBatch implements IEventEmitBatch {
            constructor(properties?: troupe.v1.IEventEmitBatch);
            public topic: Uint8Array;
            public events: troupe.v1.IEmitEntry[];
            public static create(properties?: troupe.v1.IEventEmitBatch): troupe.v1.EventEmitBatch;
            public static encode(message: troupe.v1.IEventEmitBatch, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventEmitBatch;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventEmitBatch;
            public static toObject(message: troupe.v1.EventEmitBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventSubscribe {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
            config?: (troupe.v1.IQueueConfig|null);
            declareOnly?: (boolean|null);
            subscriptionId?: (number|Long|null);
        }

        class EventSubscribe implements IEventSubscribe {
            constructor(properties?: troupe.v1.IEventSubscribe);
            public topic: Uint8Array;
            public step: Uint8Array;
            public config?: (troupe.v1.IQueueConfig|null);
            public declareOnly: boolean;
            public subscriptionId: (number|Long);
            public static create(properties?: troupe.v1.IEventSubscribe): troupe.v1.EventSubscribe;
            public static encode(message: troupe.v1.IEventSubscribe, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventSubscribe;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventSubscribe;
            public static toObject(message: troupe.v1.EventSubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventUnsubscribe {
            subscriptionId?: (number|Long|null);
            keepDeliveries?: (boolean|null);
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
        }

        class EventUnsubscribe implements IEventUnsubscribe {
            constructor(properties?: troupe.v1.IEventUnsubscribe);
            public subscriptionId: (number|Long);
            public keepDeliveries: boolean;
            public topic: Uint8Array;
            public step: Uint8Array;
            public static create(properties?: troupe.v1.IEventUnsubscribe): troupe.v1.EventUnsubscribe;
            public static encode(message: troupe.v1.IEventUnsubscribe, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventUnsubscribe;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventUnsubscribe;
            public static toObject(message: troupe.v1.EventUnsubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventAck {
            subscriptionId?: (number|Long|null);
            messageId?: (Uint8Array|null);
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
        }

        class EventAck implements IEventAck {
            constructor(properties?: troupe.v1.IEventAck);
            public subscriptionId: (number|Long);
            public messageId: Uint8Array;
            public topic: Uint8Array;
            public step: Uint8Array;
            public static create(properties?: troupe.v1.IEventAck): troupe.v1.EventAck;
            public static encode(message: troupe.v1.IEventAck, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventAck;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventAck;
            public static toObject(message: troupe.v1.EventAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventNack {
            subscriptionId?: (number|Long|null);
            messageId?: (Uint8Array|null);
            error?: (string|null);
            requeue?: (boolean|null);
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
        }

        class EventNack implements IEventNack {
            constructor(properties?: troupe.v1.IEventNack);
            public subscriptionId: (number|Long);
            public messageId: Uint8Array;
            public error: string;
            public requeue: boolean;
            public topic: Uint8Array;
            public step: Uint8Array;
            public static create(properties?: troupe.v1.IEventNack): troupe.v1.EventNack;
            public static encode(message: troupe.v1.IEventNack, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventNack;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventNack;
            public static toObject(message: troupe.v1.EventNack, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventFetch {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
            subscriptionId?: (number|Long|null);
        }

        class EventFetch implements IEventFetch {
            constructor(properties?: troupe.v1.IEventFetch);
            public topic: Uint8Array;
            public step: Uint8Array;
            public subscriptionId: (number|Long);
            public static create(properties?: troupe.v1.IEventFetch): troupe.v1.EventFetch;
            public static encode(message: troupe.v1.IEventFetch, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventFetch;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventFetch;
            public static toObject(message: troupe.v1.EventFetch, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IQueuePurge {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
        }

        class QueuePurge implements IQueuePurge {
            constructor(properties?: troupe.v1.IQueuePurge);
            public topic: Uint8Array;
            public step: Uint8Array;
            public static create(properties?: troupe.v1.IQueuePurge): troupe.v1.QueuePurge;
            public static encode(message: troupe.v1.IQueuePurge, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.QueuePurge;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.QueuePurge;
            public static toObject(message: troupe.v1.QueuePurge, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventExtend {
            subscriptionId?: (number|Long|null);
            messageIds?: (Uint8Array[]|null);
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
        }

        class EventExtend implements IEventExtend {
            constructor(properties?: troupe.v1.IEventExtend);
            public subscriptionId: (number|Long);
            public messageIds: Uint8Array[];
            public topic: Uint8Array;
            public step: Uint8Array;
            public static create(properties?: troupe.v1.IEventExtend): troupe.v1.EventExtend;
            public static encode(message: troupe.v1.IEventExtend, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventExtend;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventExtend;
            public static toObject(message: troupe.v1.EventExtend, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventRemoveStep {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
        }

        class EventRemoveStep implements IEventRemoveStep {
            constructor(properties?: troupe.v1.IEventRemoveStep);
            public topic: Uint8Array;
            public step: Uint8Array;
            public static create(properties?: troupe.v1.IEventRemoveStep): troupe.v1.EventRemoveStep;
            public static encode(message: troupe.v1.IEventRemoveStep, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventRemoveStep;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventRemoveStep;
            public static toObject(message: troupe.v1.EventRemoveStep, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventListTopics {
        }

        class EventListTopics implements IEventListTopics {
            constructor(properties?: troupe.v1.IEventListTopics);
            public static create(properties?: troupe.v1.IEventListTopics): troupe.v1.EventListTopics;
            public static encode(message: troupe.v1.IEventListTopics, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventListTopics;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventListTopics;
            public static toObject(message: troupe.v1.EventListTopics, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEventTopicInfo {
            topic?: (Uint8Array|null);
        }

        class EventTopicInfo implements IEventTopicInfo {
            constructor(properties?: troupe.v1.IEventTopicInfo);
            public topic: Uint8Array;
            public static create(properties?: troupe.v1.IEventTopicInfo): troupe.v1.EventTopicInfo;
            public static encode(message: troupe.v1.IEventTopicInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EventTopicInfo;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EventTopicInfo;
            public static toObject(message: troupe.v1.EventTopicInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IQueueStats {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
        }

        class QueueStats implements IQueueStats {
            constructor(properties?: troupe.v1.IQueueStats);
            public topic: Uint8Array;
            public step: Uint8Array;
            public static create(properties?: troupe.v1.IQueueStats): troupe.v1.QueueStats;
            public static encode(message: troupe.v1.IQueueStats, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.QueueStats;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.QueueStats;
            public static toObject(message: troupe.v1.QueueStats, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IDeadLetterList {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
            limit?: (number|null);
        }

        class DeadLetterList implements IDeadLetterList {
            constructor(properties?: troupe.v1.IDeadLetterList);
            public topic: Uint8Array;
            public step: Uint8Array;
            public limit: number;
            public static create(properties?: troupe.v1.IDeadLetterList): troupe.v1.DeadLetterList;
            public static encode(message: troupe.v1.IDeadLetterList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.DeadLetterList;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.DeadLetterList;
            public static toObject(message: troupe.v1.DeadLetterList, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IDeadLetterReplay {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
            messageIds?: (Uint8Array[]|null);
        }

        class DeadLetterReplay implements IDeadLetterReplay {
            constructor(properties?: troupe.v1.IDeadLetterReplay);
            public topic: Uint8Array;
            public step: Uint8Array;
            public messageIds: Uint8Array[];
            public static create(properties?: troupe.v1.IDeadLetterReplay): troupe.v1.DeadLetterReplay;
            public static encode(message: troupe.v1.IDeadLetterReplay, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.DeadLetterReplay;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.DeadLetterReplay;
            public static toObject(message: troupe.v1.DeadLetterReplay, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IDeadLetterPurge {
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
            messageIds?: (Uint8Array[]|null);
        }

        class DeadLetterPurge implements IDeadLetterPurge {
            constructor(properties?: troupe.v1.IDeadLetterPurge);
            public topic: Uint8Array;
            public step: Uint8Array;
            public messageIds: Uint8Array[];
            public static create(properties?: troupe.v1.IDeadLetterPurge): troupe.v1.DeadLetterPurge;
            public static encode(message: troupe.v1.IDeadLetterPurge, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.DeadLetterPurge;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.DeadLetterPurge;
            public static toObject(message: troupe.v1.DeadLetterPurge, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILockInfo {
            job?: (Uint8Array|null);
            lockId?: (Uint8Array|null);
            instanceId?: (Uint8Array|null);
            acquiredAtMs?: (number|Long|null);
            expiresAtMs?: (number|Long|null);
            fencingToken?: (number|Long|null);
        }

        class LockInfo implements ILockInfo {
            constructor(properties?: troupe.v1.ILockInfo);
            public job: Uint8Array;
            public lockId: Uint8Array;
            public instanceId: Uint8Array;
            public acquiredAtMs: (number|Long);
            public expiresAtMs: (number|Long);
            public fencingToken: (number|Long);
            public static create(properties?: troupe.v1.ILockInfo): troupe.v1.LockInfo;
            public static encode(message: troupe.v1.ILockInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.LockInfo;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.LockInfo;
            public static toObject(message: troupe.v1.LockInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILockAcquire {
            job?: (Uint8Array|null);
            ttlMs?: (number|Long|null);
            instanceId?: (Uint8Array|null);
        }

        class LockAcquire implements ILockAcquire {
            constructor(properties?: troupe.v1.ILockAcquire);
            public job: Uint8Array;
            public ttlMs: (number|Long);
            public instanceId: Uint8Array;
            public static create(properties?: troupe.v1.ILockAcquire): troupe.v1.LockAcquire;
            public static encode(message: troupe.v1.ILockAcquire, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.LockAcquire;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.LockAcquire;
            public static toObject(message: troupe.v1.LockAcquire, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILockRenew {
            job?: (Uint8Array|null);
            lockId?: (Uint8Array|null);
            ttlMs?: (number|Long|null);
        }

        class LockRenew implements ILockRenew {
            constructor(properties?: troupe.v1.ILockRenew);
            public job: Uint8Array;
            public lockId: Uint8Array;
            public ttlMs: (number|Long);
            public static create(properties?: troupe.v1.ILockRenew): troupe.v1.LockRenew;
            public static encode(message: troupe.v1.ILockRenew, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.LockRenew;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.LockRenew;
            public static toObject(message: troupe.v1.LockRenew, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILockRelease {
            job?: (Uint8Array|null);
            lockId?: (Uint8Array|null);
            instanceId?: (Uint8Array|null);
            holdUntilMs?: (number|Long|null);
        }

        class LockRelease implements ILockRelease {
            constructor(properties?: troupe.v1.ILockRelease);
            public job: Uint8Array;
            public lockId: Uint8Array;
            public instanceId: Uint8Array;
            public holdUntilMs: (number|Long);
            public static create(properties?: troupe.v1.ILockRelease): troupe.v1.LockRelease;
            public static encode(message: troupe.v1.ILockRelease, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.LockRelease;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.LockRelease;
            public static toObject(message: troupe.v1.LockRelease, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILockList {
        }

        class LockList implements ILockList {
            constructor(properties?: troupe.v1.ILockList);
            public static create(properties?: troupe.v1.ILockList): troupe.v1.LockList;
            public static encode(message: troupe.v1.ILockList, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.LockList;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.LockList;
            public static toObject(message: troupe.v1.LockList, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILockReply {
            granted?: (boolean|null);
            lock?: (troupe.v1.ILockInfo|null);
        }

        class LockReply implements ILockReply {
            constructor(properties?: troupe.v1.ILockReply);
            public granted: boolean;
            public lock?: (troupe.v1.ILockInfo|null);
            public static create(properties?: troupe.v1.ILockReply): troupe.v1.LockReply;
            public static encode(message: troupe.v1.ILockReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.LockReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.LockReply;
            public static toObject(message: troupe.v1.LockReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ILocksReply {
            locks?: (troupe.v1.ILockInfo[]|null);
        }

        class LocksReply implements ILocksReply {
            constructor(properties?: troupe.v1.ILocksReply);
            public locks: troupe.v1.ILockInfo[];
            public static create(properties?: troupe.v1.ILocksReply): troupe.v1.LocksReply;
            public static encode(message: troupe.v1.ILocksReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.LocksReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.LocksReply;
            public static toObject(message: troupe.v1.LocksReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IAdvanceClock {
            ms?: (number|Long|null);
        }

        class AdvanceClock implements IAdvanceClock {
            constructor(properties?: troupe.v1.IAdvanceClock);
            public ms: (number|Long);
            public static create(properties?: troupe.v1.IAdvanceClock): troupe.v1.AdvanceClock;
            public static encode(message: troupe.v1.IAdvanceClock, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.AdvanceClock;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.AdvanceClock;
            public static toObject(message: troupe.v1.AdvanceClock, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IRequest {
            ping?: (troupe.v1.IPing|null);
            stateGet?: (troupe.v1.IStateGet|null);
            stateExists?: (troupe.v1.IStateExists|null);
            stateGetMany?: (troupe.v1.IStateGetMany|null);
            stateSet?: (troupe.v1.IStateSet|null);
            stateSetMany?: (troupe.v1.IStateSetMany|null);
            stateDelete?: (troupe.v1.IStateDelete|null);
            stateKeys?: (troupe.v1.IStateKeys|null);
            stateClear?: (troupe.v1.IStateClear|null);
            stateGetGroup?: (troupe.v1.IStateGetGroup|null);
            stateTraceIds?: (troupe.v1.IStateTraceIds|null);
            stateItems?: (troupe.v1.IStateItems|null);
            streamGet?: (troupe.v1.IStreamGet|null);
            streamSet?: (troupe.v1.IStreamSet|null);
            streamDelete?: (troupe.v1.IStreamDelete|null);
            streamGetGroup?: (troupe.v1.IStreamGetGroup|null);
            streamClear?: (troupe.v1.IStreamClear|null);
            streamQuery?: (troupe.v1.IStreamQuery|null);
            streamListGroups?: (troupe.v1.IStreamListGroups|null);
            streamSubscribe?: (troupe.v1.IStreamSubscribe|null);
            streamUnsubscribe?: (troupe.v1.IStreamUnsubscribe|null);
            streamSend?: (troupe.v1.IStreamSend|null);
            stats?: (troupe.v1.IStats|null);
            advanceClock?: (troupe.v1.IAdvanceClock|null);
            backup?: (troupe.v1.IBackup|null);
            exportChunk?: (troupe.v1.IExportChunk|null);
            importChunk?: (troupe.v1.IImportChunk|null);
            eventEmit?: (troupe.v1.IEventEmit|null);
            eventEmitBatch?: (troupe.v1.IEventEmitBatch|null);
            eventSubscribe?: (troupe.v1.IEventSubscribe|null);
            eventUnsubscribe?: (troupe.v1.IEventUnsubscribe|null);
            eventAck?: (troupe.v1.IEventAck|null);
            eventNack?: (troupe.v1.IEventNack|null);
            eventRemoveStep?: (troupe.v1.IEventRemoveStep|null);
            eventListTopics?: (troupe.v1.IEventListTopics|null);
            eventTopicInfo?: (troupe.v1.IEventTopicInfo|null);
            queueStats?: (troupe.v1.IQueueStats|null);
            deadLetterList?: (troupe.v1.IDeadLetterList|null);
            deadLetterReplay?: (troupe.v1.IDeadLetterReplay|null);
            deadLetterPurge?: (troupe.v1.IDeadLetterPurge|null);
            eventExtend?: (troupe.v1.IEventExtend|null);
            eventFetch?: (troupe.v1.IEventFetch|null);
            queuePurge?: (troupe.v1.IQueuePurge|null);
            lockAcquire?: (troupe.v1.ILockAcquire|null);
            lockRenew?: (troupe.v1.ILockRenew|null);
            lockRelease?: (troupe.v1.ILockRelease|null);
            lockList?: (troupe.v1.ILockList|null);
            kvCommand?: (troupe.v1.IKvCommand|null);
            kvScan?: (troupe.v1.IKvScan|null);
            kvCount?: (troupe.v1.IKvCount|null);
            kvFlush?: (troupe.v1.IKvFlush|null);
            kvEval?: (troupe.v1.IKvEval|null);
            kvExec?: (troupe.v1.IKvExec|null);
            kvWatch?: (troupe.v1.IKvWatch|null);
            kvUnblock?: (troupe.v1.IKvUnblock|null);
            clusterStatus?: (troupe.v1.IClusterStatus|null);
            clusterDrain?: (troupe.v1.IClusterDrain|null);
            clusterTransferLeader?: (troupe.v1.IClusterTransferLeader|null);
        }

        class Request implements IRequest {
            constructor(properties?: troupe.v1.IRequest);
            public ping?: (troupe.v1.IPing|null);
            public stateGet?: (troupe.v1.IStateGet|null);
            public stateExists?: (troupe.v1.IStateExists|null);
            public stateGetMany?: (troupe.v1.IStateGetMany|null);
            public stateSet?: (troupe.v1.IStateSet|null);
            public stateSetMany?: (troupe.v1.IStateSetMany|null);
            public stateDelete?: (troupe.v1.IStateDelete|null);
            public stateKeys?: (troupe.v1.IStateKeys|null);
            public stateClear?: (troupe.v1.IStateClear|null);
            public stateGetGroup?: (troupe.v1.IStateGetGroup|null);
            public stateTraceIds?: (troupe.v1.IStateTraceIds|null);
            public stateItems?: (troupe.v1.IStateItems|null);
            public streamGet?: (troupe.v1.IStreamGet|null);
            public streamSet?: (troupe.v1.IStreamSet|null);
            public streamDelete?: (troupe.v1.IStreamDelete|null);
            public streamGetGroup?: (troupe.v1.IStreamGetGroup|null);
            public streamClear?: (troupe.v1.IStreamClear|null);
            public streamQuery?: (troupe.v1.IStreamQuery|null);
            public streamListGroups?: (troupe.v1.IStreamListGroups|null);
            public streamSubscribe?: (troupe.v1.IStreamSubscribe|null);
            public streamUnsubscribe?: (troupe.v1.IStreamUnsubscribe|null);
            public streamSend?: (troupe.v1.IStreamSend|null);
            public stats?: (troupe.v1.IStats|null);
            public advanceClock?: (troupe.v1.IAdvanceClock|null);
            public backup?: (troupe.v1.IBackup|null);
            public exportChunk?: (troupe.v1.IExportChunk|null);
            public importChunk?: (troupe.v1.IImportChunk|null);
            public eventEmit?: (troupe.v1.IEventEmit|null);
            public eventEmitBatch?: (troupe.v1.IEventEmitBatch|null);
            public eventSubscribe?: (troupe.v1.IEventSubscribe|null);
            public eventUnsubscribe?: (troupe.v1.IEventUnsubscribe|null);
            public eventAck?: (troupe.v1.IEventAck|null);
            public eventNack?: (troupe.v1.IEventNack|null);
            public eventRemoveStep?: (troupe.v1.IEventRemoveStep|null);
            public eventListTopics?: (troupe.v1.IEventListTopics|null);
            public eventTopicInfo?: (troupe.v1.IEventTopicInfo|null);
            public queueStats?: (troupe.v1.IQueueStats|null);
            public deadLetterList?: (troupe.v1.IDeadLetterList|null);
            public deadLetterReplay?: (troupe.v1.IDeadLetterReplay|null);
            public deadLetterPurge?: (troupe.v1.IDeadLetterPurge|null);
            public eventExtend?: (troupe.v1.IEventExtend|null);
            public eventFetch?: (troupe.v1.IEventFetch|null);
            public queuePurge?: (troupe.v1.IQueuePurge|null);
            public lockAcquire?: (troupe.v1.ILockAcquire|null);
            public lockRenew?: (troupe.v1.ILockRenew|null);
            public lockRelease?: (troupe.v1.ILockRelease|null);
            public lockList?: (troupe.v1.ILockList|null);
            public kvCommand?: (troupe.v1.IKvCommand|null);
            public kvScan?: (troupe.v1.IKvScan|null);
            public kvCount?: (troupe.v1.IKvCount|null);
            public kvFlush?: (troupe.v1.IKvFlush|null);
            public kvEval?: (troupe.v1.IKvEval|null);
            public kvExec?: (troupe.v1.IKvExec|null);
            public kvWatch?: (troupe.v1.IKvWatch|null);
            public kvUnblock?: (troupe.v1.IKvUnblock|null);
            public clusterStatus?: (troupe.v1.IClusterStatus|null);
            public clusterDrain?: (troupe.v1.IClusterDrain|null);
            public clusterTransferLeader?: (troupe.v1.IClusterTransferLeader|null);
            public op?: ("ping"|"stateGet"|"stateExists"|"stateGetMany"|"stateSet"|"stateSetMany"|"stateDelete"|"stateKeys"|"stateClear"|"stateGetGroup"|"stateTraceIds"|"stateItems"|"streamGet"|"streamSet"|"streamDelete"|"streamGetGroup"|"streamClear"|"streamQuery"|"streamListGroups"|"streamSubscribe"|"streamUnsubscribe"|"streamSend"|"stats"|"advanceClock"|"backup"|"exportChunk"|"importChunk"|"eventEmit"|"eventEmitBatch"|"eventSubscribe"|"eventUnsubscribe"|"eventAck"|"eventNack"|"eventRemoveStep"|"eventListTopics"|"eventTopicInfo"|"queueStats"|"deadLetterList"|"deadLetterReplay"|"deadLetterPurge"|"eventExtend"|"eventFetch"|"queuePurge"|"lockAcquire"|"lockRenew"|"lockRelease"|"lockList"|"kvCommand"|"kvScan"|"kvCount"|"kvFlush"|"kvEval"|"kvExec"|"kvWatch"|"kvUnblock"|"clusterStatus"|"clusterDrain"|"clusterTransferLeader");
            public static create(properties?: troupe.v1.IRequest): troupe.v1.Request;
            public static encode(message: troupe.v1.IRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Request;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Request;
            public static toObject(message: troupe.v1.Request, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IValue {
            found?: (boolean|null);
            value?: (Uint8Array|null);
            revision?: (number|Long|null);
            expiresAtMs?: (number|Long|null);
        }

        class Value implements IValue {
            constructor(properties?: troupe.v1.IValue);
            public found: boolean;
            public value: Uint8Array;
            public revision: (number|Long);
            public expiresAtMs: (number|Long);
            public static create(properties?: troupe.v1.IValue): troupe.v1.Value;
            public static encode(message: troupe.v1.IValue, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Value;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Value;
            public static toObject(message: troupe.v1.Value, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStateItem {
            groupId?: (Uint8Array|null);
            key?: (Uint8Array|null);
            value?: (Uint8Array|null);
            type?: (string|null);
            revision?: (number|Long|null);
        }

        class StateItem implements IStateItem {
            constructor(properties?: troupe.v1.IStateItem);
            public groupId: Uint8Array;
            public key: Uint8Array;
            public value: Uint8Array;
            public type: string;
            public revision: (number|Long);
            public static create(properties?: troupe.v1.IStateItem): troupe.v1.StateItem;
            public static encode(message: troupe.v1.IStateItem, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StateItem;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StateItem;
            public static toObject(message: troupe.v1.StateItem, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPong {
            payload?: (Uint8Array|null);
            nodeId?: (string|null);
        }

        class Pong implements IPong {
            constructor(properties?: troupe.v1.IPong);
            public payload: Uint8Array;
            public nodeId: string;
            public static create(properties?: troupe.v1.IPong): troupe.v1.Pong;
            public static encode(message: troupe.v1.IPong, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Pong;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Pong;
            public static toObject(message: troupe.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IExistsReply {
            exists?: (boolean|null);
        }

        class ExistsReply implements IExistsReply {
            constructor(properties?: troupe.v1.IExistsReply);
            public exists: boolean;
            public static create(properties?: troupe.v1.IExistsReply): troupe.v1.ExistsReply;
            public static encode(message: troupe.v1.IExistsReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ExistsReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ExistsReply;
            public static toObject(message: troupe.v1.ExistsReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IValuesReply {
            values?: (troupe.v1.IValue[]|null);
        }

        class ValuesReply implements IValuesReply {
            constructor(properties?: troupe.v1.IValuesReply);
            public values: troupe.v1.IValue[];
            public static create(properties?: troupe.v1.IValuesReply): troupe.v1.ValuesReply;
            public static encode(message: troupe.v1.IValuesReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ValuesReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ValuesReply;
            public static toObject(message: troupe.v1.ValuesReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ISetReply {
            revision?: (number|Long|null);
        }

        class SetReply implements ISetReply {
            constructor(properties?: troupe.v1.ISetReply);
            public revision: (number|Long);
            public static create(properties?: troupe.v1.ISetReply): troupe.v1.SetReply;
            public static encode(message: troupe.v1.ISetReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.SetReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.SetReply;
            public static toObject(message: troupe.v1.SetReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ISetManyReply {
            revisions?: ((number|Long)[]|null);
        }

        class SetManyReply implements ISetManyReply {
            constructor(properties?: troupe.v1.ISetManyReply);
            public revisions: (number|Long)[];
            public static create(properties?: troupe.v1.ISetManyReply): troupe.v1.SetManyReply;
            public static encode(message: troupe.v1.ISetManyReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.SetManyReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.SetManyReply;
            public static toObject(message: troupe.v1.SetManyReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface INamesReply {
            names?: (Uint8Array[]|null);
        }

        class NamesReply implements INamesReply {
            constructor(properties?: troupe.v1.INamesReply);
            public names: Uint8Array[];
            public static create(properties?: troupe.v1.INamesReply): troupe.v1.NamesReply;
            public static encode(message: troupe.v1.INamesReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.NamesReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.NamesReply;
            public static toObject(message: troupe.v1.NamesReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ICountReply {
            count?: (number|Long|null);
        }

        class CountReply implements ICountReply {
            constructor(properties?: troupe.v1.ICountReply);
            public count: (number|Long);
            public static create(properties?: troupe.v1.ICountReply): troupe.v1.CountReply;
            public static encode(message: troupe.v1.ICountReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.CountReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.CountReply;
            public static toObject(message: troupe.v1.CountReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IItemsReply {
            items?: (troupe.v1.IStateItem[]|null);
        }

        class ItemsReply implements IItemsReply {
            constructor(properties?: troupe.v1.IItemsReply);
            public items: troupe.v1.IStateItem[];
            public static create(properties?: troupe.v1.IItemsReply): troupe.v1.ItemsReply;
            public static encode(message: troupe.v1.IItemsReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.ItemsReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.ItemsReply;
            public static toObject(message: troupe.v1.ItemsReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamItemReply {
            found?: (boolean|null);
            item?: (Uint8Array|null);
            created?: (boolean|null);
        }

        class StreamItemReply implements IStreamItemReply {
            constructor(properties?: troupe.v1.IStreamItemReply);
            public found: boolean;
            public item: Uint8Array;
            public created: boolean;
            public static create(properties?: troupe.v1.IStreamItemReply): troupe.v1.StreamItemReply;
            public static encode(message: troupe.v1.IStreamItemReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamItemReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamItemReply;
            public static toObject(message: troupe.v1.StreamItemReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamItemsReply {
            items?: (Uint8Array[]|null);
        }

        class StreamItemsReply implements IStreamItemsReply {
            constructor(properties?: troupe.v1.IStreamItemsReply);
            public items: Uint8Array[];
            public static create(properties?: troupe.v1.IStreamItemsReply): troupe.v1.StreamItemsReply;
            public static encode(message: troupe.v1.IStreamItemsReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamItemsReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamItemsReply;
            public static toObject(message: troupe.v1.StreamItemsReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ISubscribeReply {
            subscriptionId?: (number|Long|null);
        }

        class SubscribeReply implements ISubscribeReply {
            constructor(properties?: troupe.v1.ISubscribeReply);
            public subscriptionId: (number|Long);
            public static create(properties?: troupe.v1.ISubscribeReply): troupe.v1.SubscribeReply;
            public static encode(message: troupe.v1.ISubscribeReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.SubscribeReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.SubscribeReply;
            public static toObject(message: troupe.v1.SubscribeReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IBackup {
            dir?: (string|null);
        }

        class Backup implements IBackup {
            constructor(properties?: troupe.v1.IBackup);
            public dir: string;
            public static create(properties?: troupe.v1.IBackup): troupe.v1.Backup;
            public static encode(message: troupe.v1.IBackup, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Backup;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Backup;
            public static toObject(message: troupe.v1.Backup, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IBackupReply {
            dir?: (string|null);
            bytes?: (number|Long|null);
            files?: (number|Long|null);
        }

        class BackupReply implements IBackupReply {
            constructor(properties?: troupe.v1.IBackupReply);
            public dir: string;
            public bytes: (number|Long);
            public files: (number|Long);
            public static create(properties?: troupe.v1.IBackupReply): troupe.v1.BackupReply;
            public static encode(message: troupe.v1.IBackupReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.BackupReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.BackupReply;
            public static toObject(message: troupe.v1.BackupReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStatsReply {
            streamGroups?: (number|Long|null);
            streamSubscribers?: (number|Long|null);
            sessions?: (number|Long|null);
            forwarded?: (number|Long|null);
        }

        class StatsReply implements IStatsReply {
            constructor(properties?: troupe.v1.IStatsReply);
            public streamGroups: (number|Long);
            public streamSubscribers: (number|Long);
            public sessions: (number|Long);
            public forwarded: (number|Long);
            public static create(properties?: troupe.v1.IStatsReply): troupe.v1.StatsReply;
            public static encode(message: troupe.v1.IStatsReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StatsReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StatsReply;
            public static toObject(message: troupe.v1.StatsReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IEmitReply {
            messageIds?: (Uint8Array[]|null);
            steps?: (number|null);
            repeats?: (number|null);
        }

        class EmitReply implements IEmitReply {
            constructor(properties?: troupe.v1.IEmitReply);
            public messageIds: Uint8Array[];
            public steps: number;
            public repeats: number;
            public static create(properties?: troupe.v1.IEmitReply): troupe.v1.EmitReply;
            public static encode(message: troupe.v1.IEmitReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.EmitReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.EmitReply;
            public static toObject(message: troupe.v1.EmitReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface ITopicInfoReply {
            steps?: (Uint8Array[]|null);
            consumers?: (number|Long|null);
        }

        class TopicInfoReply implements ITopicInfoReply {
            constructor(properties?: troupe.v1.ITopicInfoReply);
            public steps: Uint8Array[];
            public consumers: (number|Long);
            public static create(properties?: troupe.v1.ITopicInfoReply): troupe.v1.TopicInfoReply;
            public static encode(message: troupe.v1.ITopicInfoReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.TopicInfoReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.TopicInfoReply;
            public static toObject(message: troupe.v1.TopicInfoReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IQueueStatsReply {
            ready?: (number|Long|null);
            delayed?: (number|Long|null);
            inFlight?: (number|Long|null);
            dead?: (number|Long|null);
            consumers?: (number|Long|null);
        }

        class QueueStatsReply implements IQueueStatsReply {
            constructor(properties?: troupe.v1.IQueueStatsReply);
            public ready: (number|Long);
            public delayed: (number|Long);
            public inFlight: (number|Long);
            public dead: (number|Long);
            public consumers: (number|Long);
            public static create(properties?: troupe.v1.IQueueStatsReply): troupe.v1.QueueStatsReply;
            public static encode(message: troupe.v1.IQueueStatsReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.QueueStatsReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.QueueStatsReply;
            public static toObject(message: troupe.v1.QueueStatsReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IQueueMessage {
            messageId?: (Uint8Array|null);
            topic?: (Uint8Array|null);
            step?: (Uint8Array|null);
            data?: (Uint8Array|null);
            traceId?: (Uint8Array|null);
            flows?: (Uint8Array[]|null);
            messageGroupId?: (Uint8Array|null);
            attempt?: (number|null);
            lastError?: (string|null);
            emittedAtMs?: (number|Long|null);
            visibleAtMs?: (number|Long|null);
            redelivered?: (boolean|null);
            expiresAtMs?: (number|Long|null);
            priority?: (number|null);
        }

        class QueueMessage implements IQueueMessage {
            constructor(properties?: troupe.v1.IQueueMessage);
            public messageId: Uint8Array;
            public topic: Uint8Array;
            public step: Uint8Array;
            public data: Uint8Array;
            public traceId: Uint8Array;
            public flows: Uint8Array[];
            public messageGroupId?: (Uint8Array|null);
            public attempt: number;
            public lastError: string;
            public emittedAtMs: (number|Long);
            public visibleAtMs: (number|Long);
            public redelivered: boolean;
            public expiresAtMs: (number|Long);
            public priority: number;
            public _messageGroupId?: "messageGroupId";
            public static create(properties?: troupe.v1.IQueueMessage): troupe.v1.QueueMessage;
            public static encode(message: troupe.v1.IQueueMessage, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.QueueMessage;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.QueueMessage;
            public static toObject(message: troupe.v1.QueueMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IFetchReply {
            message?: (troupe.v1.IQueueMessage|null);
            ready?: (number|Long|null);
        }

        class FetchReply implements IFetchReply {
            constructor(properties?: troupe.v1.IFetchReply);
            public message?: (troupe.v1.IQueueMessage|null);
            public ready: (number|Long);
            public _message?: "message";
            public static create(properties?: troupe.v1.IFetchReply): troupe.v1.FetchReply;
            public static encode(message: troupe.v1.IFetchReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.FetchReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.FetchReply;
            public static toObject(message: troupe.v1.FetchReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IDeadLettersReply {
            messages?: (troupe.v1.IQueueMessage[]|null);
        }

        class DeadLettersReply implements IDeadLettersReply {
            constructor(properties?: troupe.v1.IDeadLettersReply);
            public messages: troupe.v1.IQueueMessage[];
            public static create(properties?: troupe.v1.IDeadLettersReply): troupe.v1.DeadLettersReply;
            public static encode(message: troupe.v1.IDeadLettersReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.DeadLettersReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.DeadLettersReply;
            public static toObject(message: troupe.v1.DeadLettersReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IResponse {
            error?: (troupe.v1.IError|null);
            pong?: (troupe.v1.IPong|null);
            value?: (troupe.v1.IValue|null);
            exists?: (troupe.v1.IExistsReply|null);
            values?: (troupe.v1.IValuesReply|null);
            set?: (troupe.v1.ISetReply|null);
            setMany?: (troupe.v1.ISetManyReply|null);
            names?: (troupe.v1.INamesReply|null);
            count?: (troupe.v1.ICountReply|null);
            items?: (troupe.v1.IItemsReply|null);
            streamItem?: (troupe.v1.IStreamItemReply|null);
            streamItems?: (troupe.v1.IStreamItemsReply|null);
            subscribe?: (troupe.v1.ISubscribeReply|null);
            stats?: (troupe.v1.IStatsReply|null);
            emit?: (troupe.v1.IEmitReply|null);
            topicInfo?: (troupe.v1.ITopicInfoReply|null);
            queueStats?: (troupe.v1.IQueueStatsReply|null);
            deadLetters?: (troupe.v1.IDeadLettersReply|null);
            lock?: (troupe.v1.ILockReply|null);
            locks?: (troupe.v1.ILocksReply|null);
            kv?: (troupe.v1.IKvReply|null);
            kvScan?: (troupe.v1.IKvScanReply|null);
            cluster?: (troupe.v1.IClusterStatusReply|null);
            backup?: (troupe.v1.IBackupReply|null);
            fetch?: (troupe.v1.IFetchReply|null);
            chunk?: (troupe.v1.IPartitionChunk|null);
        }

        class Response implements IResponse {
            constructor(properties?: troupe.v1.IResponse);
            public error?: (troupe.v1.IError|null);
            public pong?: (troupe.v1.IPong|null);
            public value?: (troupe.v1.IValue|null);
            public exists?: (troupe.v1.IExistsReply|null);
            public values?: (troupe.v1.IValuesReply|null);
            public set?: (troupe.v1.ISetReply|null);
            public setMany?: (troupe.v1.ISetManyReply|null);
            public names?: (troupe.v1.INamesReply|null);
            public count?: (troupe.v1.ICountReply|null);
            public items?: (troupe.v1.IItemsReply|null);
            public streamItem?: (troupe.v1.IStreamItemReply|null);
            public streamItems?: (troupe.v1.IStreamItemsReply|null);
            public subscribe?: (troupe.v1.ISubscribeReply|null);
            public stats?: (troupe.v1.IStatsReply|null);
            public emit?: (troupe.v1.IEmitReply|null);
            public topicInfo?: (troupe.v1.ITopicInfoReply|null);
            public queueStats?: (troupe.v1.IQueueStatsReply|null);
            public deadLetters?: (troupe.v1.IDeadLettersReply|null);
            public lock?: (troupe.v1.ILockReply|null);
            public locks?: (troupe.v1.ILocksReply|null);
            public kv?: (troupe.v1.IKvReply|null);
            public kvScan?: (troupe.v1.IKvScanReply|null);
            public cluster?: (troupe.v1.IClusterStatusReply|null);
            public backup?: (troupe.v1.IBackupReply|null);
            public fetch?: (troupe.v1.IFetchReply|null);
            public chunk?: (troupe.v1.IPartitionChunk|null);
            public result?: ("pong"|"value"|"exists"|"values"|"set"|"setMany"|"names"|"count"|"items"|"streamItem"|"streamItems"|"subscribe"|"stats"|"emit"|"topicInfo"|"queueStats"|"deadLetters"|"lock"|"locks"|"kv"|"kvScan"|"cluster"|"backup"|"fetch"|"chunk");
            public static create(properties?: troupe.v1.IResponse): troupe.v1.Response;
            public static encode(message: troupe.v1.IResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Response;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Response;
            public static toObject(message: troupe.v1.Response, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IStreamEvent {
            stream?: (Uint8Array|null);
            groupId?: (Uint8Array|null);
            id?: (Uint8Array|null);
            type?: (Uint8Array|null);
            data?: (Uint8Array|null);
            custom?: (boolean|null);
        }

        class StreamEvent implements IStreamEvent {
            constructor(properties?: troupe.v1.IStreamEvent);
            public stream: Uint8Array;
            public groupId: Uint8Array;
            public id: Uint8Array;
            public type: Uint8Array;
            public data: Uint8Array;
            public custom: boolean;
            public static create(properties?: troupe.v1.IStreamEvent): troupe.v1.StreamEvent;
            public static encode(message: troupe.v1.IStreamEvent, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.StreamEvent;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.StreamEvent;
            public static toObject(message: troupe.v1.StreamEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IPush {
            subscriptionId?: (number|Long|null);
            event?: (troupe.v1.IStreamEvent|null);
            delivery?: (troupe.v1.IQueueMessage|null);
            overflow?: (boolean|null);
        }

        class Push implements IPush {
            constructor(properties?: troupe.v1.IPush);
            public subscriptionId: (number|Long);
            public event?: (troupe.v1.IStreamEvent|null);
            public delivery?: (troupe.v1.IQueueMessage|null);
            public overflow: boolean;
            public static create(properties?: troupe.v1.IPush): troupe.v1.Push;
            public static encode(message: troupe.v1.IPush, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Push;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Push;
            public static toObject(message: troupe.v1.Push, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IFrame {
            id?: (number|Long|null);
            hello?: (troupe.v1.IHello|null);
            welcome?: (troupe.v1.IWelcome|null);
            request?: (troupe.v1.IRequest|null);
            response?: (troupe.v1.IResponse|null);
            error?: (troupe.v1.IError|null);
            push?: (troupe.v1.IPush|null);
        }

        class Frame implements IFrame {
            constructor(properties?: troupe.v1.IFrame);
            public id: (number|Long);
            public hello?: (troupe.v1.IHello|null);
            public welcome?: (troupe.v1.IWelcome|null);
            public request?: (troupe.v1.IRequest|null);
            public response?: (troupe.v1.IResponse|null);
            public error?: (troupe.v1.IError|null);
            public push?: (troupe.v1.IPush|null);
            public body?: ("hello"|"welcome"|"request"|"response"|"error"|"push");
            public static create(properties?: troupe.v1.IFrame): troupe.v1.Frame;
            public static encode(message: troupe.v1.IFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.Frame;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.Frame;
            public static toObject(message: troupe.v1.Frame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvCommand {
            args?: (Uint8Array[]|null);
            resp3?: (boolean|null);
            blockMs?: (number|null);
            rerun?: (boolean|null);
            "eval"?: (troupe.v1.IKvEval|null);
            blockToken?: (number|Long|null);
        }

        class KvCommand implements IKvCommand {
            constructor(properties?: troupe.v1.IKvCommand);
            public args: Uint8Array[];
            public resp3: boolean;
            public blockMs: number;
            public rerun: boolean;
            public eval?: (troupe.v1.IKvEval|null);
            public blockToken: (number|Long);
            public static create(properties?: troupe.v1.IKvCommand): troupe.v1.KvCommand;
            public static encode(message: troupe.v1.IKvCommand, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvCommand;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvCommand;
            public static toObject(message: troupe.v1.KvCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvUnblock {
            token?: (number|Long|null);
        }

        class KvUnblock implements IKvUnblock {
            constructor(properties?: troupe.v1.IKvUnblock);
            public token: (number|Long);
            public static create(properties?: troupe.v1.IKvUnblock): troupe.v1.KvUnblock;
            public static encode(message: troupe.v1.IKvUnblock, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvUnblock;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvUnblock;
            public static toObject(message: troupe.v1.KvUnblock, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvReply {
            resp?: (Uint8Array|null);
            retry?: (boolean|null);
            rerunArgs?: (Uint8Array[]|null);
            runAtKey?: (Uint8Array|null);
        }

        class KvReply implements IKvReply {
            constructor(properties?: troupe.v1.IKvReply);
            public resp: Uint8Array;
            public retry: boolean;
            public rerunArgs: Uint8Array[];
            public runAtKey: Uint8Array;
            public static create(properties?: troupe.v1.IKvReply): troupe.v1.KvReply;
            public static encode(message: troupe.v1.IKvReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvReply;
            public static toObject(message: troupe.v1.KvReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvEval {
            sha?: (Uint8Array|null);
            body?: (Uint8Array|null);
            keys?: (Uint8Array[]|null);
            args?: (Uint8Array[]|null);
            resp3?: (boolean|null);
            readOnly?: (boolean|null);
            pinned?: (boolean|null);
            functionName?: (string|null);
            aclUser?: (string|null);
            noReplicas?: (boolean|null);
            oom?: (boolean|null);
            aclClientInfo?: (Uint8Array|null);
        }

        class KvEval implements IKvEval {
            constructor(properties?: troupe.v1.IKvEval);
            public sha: Uint8Array;
            public body: Uint8Array;
            public keys: Uint8Array[];
            public args: Uint8Array[];
            public resp3: boolean;
            public readOnly: boolean;
            public pinned: boolean;
            public functionName: string;
            public aclUser: string;
            public noReplicas: boolean;
            public oom: boolean;
            public aclClientInfo: Uint8Array;
            public static create(properties?: troupe.v1.IKvEval): troupe.v1.KvEval;
            public static encode(message: troupe.v1.IKvEval, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvEval;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvEval;
            public static toObject(message: troupe.v1.KvEval, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvWatch {
            keys?: (Uint8Array[]|null);
        }

        class KvWatch implements IKvWatch {
            constructor(properties?: troupe.v1.IKvWatch);
            public keys: Uint8Array[];
            public static create(properties?: troupe.v1.IKvWatch): troupe.v1.KvWatch;
            public static encode(message: troupe.v1.IKvWatch, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvWatch;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvWatch;
            public static toObject(message: troupe.v1.KvWatch, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvExec {
            commands?: (troupe.v1.IKvCommand[]|null);
            watchKeys?: (Uint8Array[]|null);
            watchVersions?: ((number|Long)[]|null);
            resp3?: (boolean|null);
            watchExpiresAt?: ((number|Long)[]|null);
        }

        class KvExec implements IKvExec {
            constructor(properties?: troupe.v1.IKvExec);
            public commands: troupe.v1.IKvCommand[];
            public watchKeys: Uint8Array[];
            public watchVersions: (number|Long)[];
            public resp3: boolean;
            public watchExpiresAt: (number|Long)[];
            public static create(properties?: troupe.v1.IKvExec): troupe.v1.KvExec;
            public static encode(message: troupe.v1.IKvExec, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvExec;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvExec;
            public static toObject(message: troupe.v1.KvExec, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvScan {
            fromHash?: (number|Long|null);
            count?: (number|null);
            match?: (Uint8Array|null);
            type?: (string|null);
        }

        class KvScan implements IKvScan {
            constructor(properties?: troupe.v1.IKvScan);
            public fromHash: (number|Long);
            public count: number;
            public match: Uint8Array;
            public type: string;
            public static create(properties?: troupe.v1.IKvScan): troupe.v1.KvScan;
            public static encode(message: troupe.v1.IKvScan, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvScan;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvScan;
            public static toObject(message: troupe.v1.KvScan, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvScanReply {
            keys?: (Uint8Array[]|null);
            done?: (boolean|null);
            nextHash?: (number|Long|null);
            examined?: (number|null);
        }

        class KvScanReply implements IKvScanReply {
            constructor(properties?: troupe.v1.IKvScanReply);
            public keys: Uint8Array[];
            public done: boolean;
            public nextHash: (number|Long);
            public examined: number;
            public static create(properties?: troupe.v1.IKvScanReply): troupe.v1.KvScanReply;
            public static encode(message: troupe.v1.IKvScanReply, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvScanReply;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvScanReply;
            public static toObject(message: troupe.v1.KvScanReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvCount {
        }

        class KvCount implements IKvCount {
            constructor(properties?: troupe.v1.IKvCount);
            public static create(properties?: troupe.v1.IKvCount): troupe.v1.KvCount;
            public static encode(message: troupe.v1.IKvCount, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvCount;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvCount;
            public static toObject(message: troupe.v1.KvCount, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }

        interface IKvFlush {
        }

        class KvFlush implements IKvFlush {
            constructor(properties?: troupe.v1.IKvFlush);
            public static create(properties?: troupe.v1.IKvFlush): troupe.v1.KvFlush;
            public static encode(message: troupe.v1.IKvFlush, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): troupe.v1.KvFlush;
            public static verify(message: { [k: string]: any }): (string|null);
            public static fromObject(object: { [k: string]: any }): troupe.v1.KvFlush;
            public static toObject(message: troupe.v1.KvFlush, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
        }
    }
}
