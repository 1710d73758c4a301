// Generated from protocol/troupe.proto by `npm run gen:proto` (scripts/gen-proto.mjs). Do not edit.
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

const $root = $protobuf.roots["troupe-motia"] || ($protobuf.roots["troupe-motia"] = {});

export const troupe = $root.troupe = (() => {

    const troupe = {};

    troupe.v1 = (function() {

        const v1 = {};

        v1.ErrorCode = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "OK"] = 0;
            values[valuesById[1] = "INVALID_ARGUMENT"] = 1;
            values[valuesById[2] = "NOT_FOUND"] = 2;
            values[valuesById[3] = "CONFLICT"] = 3;
            values[valuesById[4] = "TOO_LARGE"] = 4;
            values[valuesById[5] = "UNAUTHENTICATED"] = 5;
            values[valuesById[6] = "NOT_LEADER"] = 6;
            values[valuesById[7] = "UNAVAILABLE"] = 7;
            values[valuesById[8] = "INTERNAL"] = 8;
            return values;
        })();

        v1.Error = (function() {

            function Error(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Error.prototype.code = 0;
            Error.prototype.message = "";
            Error.prototype.leaderHint = "";
            Error.prototype.leaderNode = "";

            Error.create = function create(properties) {
                return new Error(properties);
            };

            Error.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    writer.uint32(8).int32(message.code);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(18).string(message.message);
                if (message.leaderHint != null && Object.hasOwnProperty.call(message, "leaderHint"))
                    writer.uint32(26).string(message.leaderHint);
                if (message.leaderNode != null && Object.hasOwnProperty.call(message, "leaderNode"))
                    writer.uint32(34).string(message.leaderNode);
                return writer;
            };

            Error.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Error();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.code = reader.int32();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.leaderHint = reader.string();
                            break;
                        }
                    case 4: {
                            message.leaderNode = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Error.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.code != null && message.hasOwnProperty("code"))
                    switch (message.code) {
                    default:
                        return "code: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                    case 4:
                    case 5:
                    case 6:
                    case 7:
                    case 8:
                        break;
                    }
                if (message.message != null && message.hasOwnProperty("message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.leaderHint != null && message.hasOwnProperty("leaderHint"))
                    if (!$util.isString(message.leaderHint))
                        return "leaderHint: string expected";
                if (message.leaderNode != null && message.hasOwnProperty("leaderNode"))
                    if (!$util.isString(message.leaderNode))
                        return "leaderNode: string expected";
                return null;
            };

            Error.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Error)
                    return object;
                let message = new $root.troupe.v1.Error();
                switch (object.code) {
                default:
                    if (typeof object.code === "number") {
                        message.code = object.code;
                        break;
                    }
                    break;
                case "OK":
                case 0:
                    message.code = 0;
                    break;
                case "INVALID_ARGUMENT":
                case 1:
                    message.code = 1;
                    break;
                case "NOT_FOUND":
                case 2:
                    message.code = 2;
                    break;
                case "CONFLICT":
                case 3:
                    message.code = 3;
                    break;
                case "TOO_LARGE":
                case 4:
                    message.code = 4;
                    break;
                case "UNAUTHENTICATED":
                case 5:
                    message.code = 5;
                    break;
                case "NOT_LEADER":
                case 6:
                    message.code = 6;
                    break;
                case "UNAVAILABLE":
                case 7:
                    message.code = 7;
                    break;
                case "INTERNAL":
                case 8:
                    message.code = 8;
                    break;
                }
                if (object.message != null)
                    message.message = String(object.message);
                if (object.leaderHint != null)
                    message.leaderHint = String(object.leaderHint);
                if (object.leaderNode != null)
                    message.leaderNode = String(object.leaderNode);
                return message;
            };

            Error.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.code = options.enums === String ? "OK" : 0;
                    object.message = "";
                    object.leaderHint = "";
                    object.leaderNode = "";
                }
                if (message.code != null && message.hasOwnProperty("code"))
                    object.code = options.enums === String ? $root.troupe.v1.ErrorCode[message.code] === undefined ? message.code : $root.troupe.v1.ErrorCode[message.code] : message.code;
                if (message.message != null && message.hasOwnProperty("message"))
                    object.message = message.message;
                if (message.leaderHint != null && message.hasOwnProperty("leaderHint"))
                    object.leaderHint = message.leaderHint;
                if (message.leaderNode != null && message.hasOwnProperty("leaderNode"))
                    object.leaderNode = message.leaderNode;
                return object;
            };

            Error.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Error;
        })();

        v1.Hello = (function() {

            function Hello(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Hello.prototype.protocolVersion = 0;
            Hello.prototype.clientName = "";
            Hello.prototype.token = "";

            Hello.create = function create(properties) {
                return new Hello(properties);
            };

            Hello.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.protocolVersion != null && Object.hasOwnProperty.call(message, "protocolVersion"))
                    writer.uint32(8).uint32(message.protocolVersion);
                if (message.clientName != null && Object.hasOwnProperty.call(message, "clientName"))
                    writer.uint32(18).string(message.clientName);
                if (message.token != null && Object.hasOwnProperty.call(message, "token"))
                    writer.uint32(26).string(message.token);
                return writer;
            };

            Hello.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Hello();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.protocolVersion = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.clientName = reader.string();
                            break;
                        }
                    case 3: {
                            message.token = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Hello.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.protocolVersion != null && message.hasOwnProperty("protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.clientName != null && message.hasOwnProperty("clientName"))
                    if (!$util.isString(message.clientName))
                        return "clientName: string expected";
                if (message.token != null && message.hasOwnProperty("token"))
                    if (!$util.isString(message.token))
                        return "token: string expected";
                return null;
            };

            Hello.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Hello)
                    return object;
                let message = new $root.troupe.v1.Hello();
                if (object.protocolVersion != null)
                    message.protocolVersion = object.protocolVersion >>> 0;
                if (object.clientName != null)
                    message.clientName = String(object.clientName);
                if (object.token != null)
                    message.token = String(object.token);
                return message;
            };

            Hello.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.clientName = "";
                    object.token = "";
                }
                if (message.protocolVersion != null && message.hasOwnProperty("protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.clientName != null && message.hasOwnProperty("clientName"))
                    object.clientName = message.clientName;
                if (message.token != null && message.hasOwnProperty("token"))
                    object.token = message.token;
                return object;
            };

            Hello.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Hello;
        })();

        v1.Welcome = (function() {

            function Welcome(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Welcome.prototype.protocolVersion = 0;
            Welcome.prototype.nodeId = "";
            Welcome.prototype.clusterName = "";
            Welcome.prototype.partitionCount = 0;
            Welcome.prototype.partitionEpoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Welcome.prototype.maxFrameBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Welcome.prototype.partitionTable = null;

            Welcome.create = function create(properties) {
                return new Welcome(properties);
            };

            Welcome.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.protocolVersion != null && Object.hasOwnProperty.call(message, "protocolVersion"))
                    writer.uint32(8).uint32(message.protocolVersion);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(18).string(message.nodeId);
                if (message.clusterName != null && Object.hasOwnProperty.call(message, "clusterName"))
                    writer.uint32(26).string(message.clusterName);
                if (message.partitionCount != null && Object.hasOwnProperty.call(message, "partitionCount"))
                    writer.uint32(32).uint32(message.partitionCount);
                if (message.partitionEpoch != null && Object.hasOwnProperty.call(message, "partitionEpoch"))
                    writer.uint32(40).uint64(message.partitionEpoch);
                if (message.maxFrameBytes != null && Object.hasOwnProperty.call(message, "maxFrameBytes"))
                    writer.uint32(48).uint64(message.maxFrameBytes);
                if (message.partitionTable != null && Object.hasOwnProperty.call(message, "partitionTable"))
                    $root.troupe.v1.PartitionTable.encode(message.partitionTable, writer.uint32(58).fork()).ldelim();
                return writer;
            };

            Welcome.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Welcome();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.protocolVersion = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 3: {
                            message.clusterName = reader.string();
                            break;
                        }
                    case 4: {
                            message.partitionCount = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.partitionEpoch = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.maxFrameBytes = reader.uint64();
                            break;
                        }
                    case 7: {
                            message.partitionTable = $root.troupe.v1.PartitionTable.decode(reader, reader.uint32());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Welcome.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.protocolVersion != null && message.hasOwnProperty("protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                if (message.clusterName != null && message.hasOwnProperty("clusterName"))
                    if (!$util.isString(message.clusterName))
                        return "clusterName: string expected";
                if (message.partitionCount != null && message.hasOwnProperty("partitionCount"))
                    if (!$util.isInteger(message.partitionCount))
                        return "partitionCount: integer expected";
                if (message.partitionEpoch != null && message.hasOwnProperty("partitionEpoch"))
                    if (!$util.isInteger(message.partitionEpoch) && !(message.partitionEpoch && $util.isInteger(message.partitionEpoch.low) && $util.isInteger(message.partitionEpoch.high)))
                        return "partitionEpoch: integer|Long expected";
                if (message.maxFrameBytes != null && message.hasOwnProperty("maxFrameBytes"))
                    if (!$util.isInteger(message.maxFrameBytes) && !(message.maxFrameBytes && $util.isInteger(message.maxFrameBytes.low) && $util.isInteger(message.maxFrameBytes.high)))
                        return "maxFrameBytes: integer|Long expected";
                if (message.partitionTable != null && message.hasOwnProperty("partitionTable")) {
                    let error = $root.troupe.v1.PartitionTable.verify(message.partitionTable);
                    if (error)
                        return "partitionTable." + error;
                }
                return null;
            };

            Welcome.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Welcome)
                    return object;
                let message = new $root.troupe.v1.Welcome();
                if (object.protocolVersion != null)
                    message.protocolVersion = object.protocolVersion >>> 0;
                if (object.nodeId != null)
                    message.nodeId = String(object.nodeId);
                if (object.clusterName != null)
                    message.clusterName = String(object.clusterName);
                if (object.partitionCount != null)
                    message.partitionCount = object.partitionCount >>> 0;
                if (object.partitionEpoch != null)
                    if ($util.Long)
                        (message.partitionEpoch = $util.Long.fromValue(object.partitionEpoch)).unsigned = true;
                    else if (typeof object.partitionEpoch === "string")
                        message.partitionEpoch = parseInt(object.partitionEpoch, 10);
                    else if (typeof object.partitionEpoch === "number")
                        message.partitionEpoch = object.partitionEpoch;
                    else if (typeof object.partitionEpoch === "object")
                        message.partitionEpoch = new $util.LongBits(object.partitionEpoch.low >>> 0, object.partitionEpoch.high >>> 0).toNumber(true);
                if (object.maxFrameBytes != null)
                    if ($util.Long)
                        (message.maxFrameBytes = $util.Long.fromValue(object.maxFrameBytes)).unsigned = true;
                    else if (typeof object.maxFrameBytes === "string")
                        message.maxFrameBytes = parseInt(object.maxFrameBytes, 10);
                    else if (typeof object.maxFrameBytes === "number")
                        message.maxFrameBytes = object.maxFrameBytes;
                    else if (typeof object.maxFrameBytes === "object")
                        message.maxFrameBytes = new $util.LongBits(object.maxFrameBytes.low >>> 0, object.maxFrameBytes.high >>> 0).toNumber(true);
                if (object.partitionTable != null) {
                    if (typeof object.partitionTable !== "object")
                        throw TypeError(".troupe.v1.Welcome.partitionTable: object expected");
                    message.partitionTable = $root.troupe.v1.PartitionTable.fromObject(object.partitionTable);
                }
                return message;
            };

            Welcome.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.nodeId = "";
                    object.clusterName = "";
                    object.partitionCount = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.partitionEpoch = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.partitionEpoch = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.maxFrameBytes = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.maxFrameBytes = options.longs === String ? "0" : 0;
                    object.partitionTable = null;
                }
                if (message.protocolVersion != null && message.hasOwnProperty("protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    object.nodeId = message.nodeId;
                if (message.clusterName != null && message.hasOwnProperty("clusterName"))
                    object.clusterName = message.clusterName;
                if (message.partitionCount != null && message.hasOwnProperty("partitionCount"))
                    object.partitionCount = message.partitionCount;
                if (message.partitionEpoch != null && message.hasOwnProperty("partitionEpoch"))
                    if (typeof message.partitionEpoch === "number")
                        object.partitionEpoch = options.longs === String ? String(message.partitionEpoch) : message.partitionEpoch;
                    else
                        object.partitionEpoch = options.longs === String ? $util.Long.prototype.toString.call(message.partitionEpoch) : options.longs === Number ? new $util.LongBits(message.partitionEpoch.low >>> 0, message.partitionEpoch.high >>> 0).toNumber(true) : message.partitionEpoch;
                if (message.maxFrameBytes != null && message.hasOwnProperty("maxFrameBytes"))
                    if (typeof message.maxFrameBytes === "number")
                        object.maxFrameBytes = options.longs === String ? String(message.maxFrameBytes) : message.maxFrameBytes;
                    else
                        object.maxFrameBytes = options.longs === String ? $util.Long.prototype.toString.call(message.maxFrameBytes) : options.longs === Number ? new $util.LongBits(message.maxFrameBytes.low >>> 0, message.maxFrameBytes.high >>> 0).toNumber(true) : message.maxFrameBytes;
                if (message.partitionTable != null && message.hasOwnProperty("partitionTable"))
                    object.partitionTable = $root.troupe.v1.PartitionTable.toObject(message.partitionTable, options);
                return object;
            };

            Welcome.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Welcome;
        })();

        v1.ClusterMember = (function() {

            function ClusterMember(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ClusterMember.prototype.nodeId = "";
            ClusterMember.prototype.clientAddress = "";
            ClusterMember.prototype.clusterAddress = "";
            ClusterMember.prototype.respAddress = "";
            ClusterMember.prototype.reachable = false;
            ClusterMember.prototype.partitions = 0;
            ClusterMember.prototype.leaving = false;

            ClusterMember.create = function create(properties) {
                return new ClusterMember(properties);
            };

            ClusterMember.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(10).string(message.nodeId);
                if (message.clientAddress != null && Object.hasOwnProperty.call(message, "clientAddress"))
                    writer.uint32(18).string(message.clientAddress);
                if (message.clusterAddress != null && Object.hasOwnProperty.call(message, "clusterAddress"))
                    writer.uint32(26).string(message.clusterAddress);
                if (message.respAddress != null && Object.hasOwnProperty.call(message, "respAddress"))
                    writer.uint32(34).string(message.respAddress);
                if (message.reachable != null && Object.hasOwnProperty.call(message, "reachable"))
                    writer.uint32(40).bool(message.reachable);
                if (message.partitions != null && Object.hasOwnProperty.call(message, "partitions"))
                    writer.uint32(48).uint32(message.partitions);
                if (message.leaving != null && Object.hasOwnProperty.call(message, "leaving"))
                    writer.uint32(56).bool(message.leaving);
                return writer;
            };

            ClusterMember.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ClusterMember();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.clientAddress = reader.string();
                            break;
                        }
                    case 3: {
                            message.clusterAddress = reader.string();
                            break;
                        }
                    case 4: {
                            message.respAddress = reader.string();
                            break;
                        }
                    case 5: {
                            message.reachable = reader.bool();
                            break;
                        }
                    case 6: {
                            message.partitions = reader.uint32();
                            break;
                        }
                    case 7: {
                            message.leaving = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ClusterMember.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                if (message.clientAddress != null && message.hasOwnProperty("clientAddress"))
                    if (!$util.isString(message.clientAddress))
                        return "clientAddress: string expected";
                if (message.clusterAddress != null && message.hasOwnProperty("clusterAddress"))
                    if (!$util.isString(message.clusterAddress))
                        return "clusterAddress: string expected";
                if (message.respAddress != null && message.hasOwnProperty("respAddress"))
                    if (!$util.isString(message.respAddress))
                        return "respAddress: string expected";
                if (message.reachable != null && message.hasOwnProperty("reachable"))
                    if (typeof message.reachable !== "boolean")
                        return "reachable: boolean expected";
                if (message.partitions != null && message.hasOwnProperty("partitions"))
                    if (!$util.isInteger(message.partitions))
                        return "partitions: integer expected";
                if (message.leaving != null && message.hasOwnProperty("leaving"))
                    if (typeof message.leaving !== "boolean")
                        return "leaving: boolean expected";
                return null;
            };

            ClusterMember.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ClusterMember)
                    return object;
                let message = new $root.troupe.v1.ClusterMember();
                if (object.nodeId != null)
                    message.nodeId = String(object.nodeId);
                if (object.clientAddress != null)
                    message.clientAddress = String(object.clientAddress);
                if (object.clusterAddress != null)
                    message.clusterAddress = String(object.clusterAddress);
                if (object.respAddress != null)
                    message.respAddress = String(object.respAddress);
                if (object.reachable != null)
                    message.reachable = Boolean(object.reachable);
                if (object.partitions != null)
                    message.partitions = object.partitions >>> 0;
                if (object.leaving != null)
                    message.leaving = Boolean(object.leaving);
                return message;
            };

            ClusterMember.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.nodeId = "";
                    object.clientAddress = "";
                    object.clusterAddress = "";
                    object.respAddress = "";
                    object.reachable = false;
                    object.partitions = 0;
                    object.leaving = false;
                }
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    object.nodeId = message.nodeId;
                if (message.clientAddress != null && message.hasOwnProperty("clientAddress"))
                    object.clientAddress = message.clientAddress;
                if (message.clusterAddress != null && message.hasOwnProperty("clusterAddress"))
                    object.clusterAddress = message.clusterAddress;
                if (message.respAddress != null && message.hasOwnProperty("respAddress"))
                    object.respAddress = message.respAddress;
                if (message.reachable != null && message.hasOwnProperty("reachable"))
                    object.reachable = message.reachable;
                if (message.partitions != null && message.hasOwnProperty("partitions"))
                    object.partitions = message.partitions;
                if (message.leaving != null && message.hasOwnProperty("leaving"))
                    object.leaving = message.leaving;
                return object;
            };

            ClusterMember.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ClusterMember;
        })();

        v1.PartitionTable = (function() {

            function PartitionTable(properties) {
                this.owners = [];
                this.members = [];
                this.founders = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            PartitionTable.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            PartitionTable.prototype.owners = $util.emptyArray;
            PartitionTable.prototype.members = $util.emptyArray;
            PartitionTable.prototype.clusterId = "";
            PartitionTable.prototype.founders = $util.emptyArray;

            PartitionTable.create = function create(properties) {
                return new PartitionTable(properties);
            };

            PartitionTable.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.epoch != null && Object.hasOwnProperty.call(message, "epoch"))
                    writer.uint32(8).uint64(message.epoch);
                if (message.owners != null && message.owners.length)
                    for (let i = 0; i < message.owners.length; ++i)
                        writer.uint32(18).string(message.owners[i]);
                if (message.members != null && message.members.length)
                    for (let i = 0; i < message.members.length; ++i)
                        $root.troupe.v1.ClusterMember.encode(message.members[i], writer.uint32(26).fork()).ldelim();
                if (message.clusterId != null && Object.hasOwnProperty.call(message, "clusterId"))
                    writer.uint32(34).string(message.clusterId);
                if (message.founders != null && message.founders.length)
                    for (let i = 0; i < message.founders.length; ++i)
                        writer.uint32(42).string(message.founders[i]);
                return writer;
            };

            PartitionTable.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.PartitionTable();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.epoch = reader.uint64();
                            break;
                        }
                    case 2: {
                            if (!(message.owners && message.owners.length))
                                message.owners = [];
                            message.owners.push(reader.string());
                            break;
                        }
                    case 3: {
                            if (!(message.members && message.members.length))
                                message.members = [];
                            message.members.push($root.troupe.v1.ClusterMember.decode(reader, reader.uint32()));
                            break;
                        }
                    case 4: {
                            message.clusterId = reader.string();
                            break;
                        }
                    case 5: {
                            if (!(message.founders && message.founders.length))
                                message.founders = [];
                            message.founders.push(reader.string());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            PartitionTable.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.epoch != null && message.hasOwnProperty("epoch"))
                    if (!$util.isInteger(message.epoch) && !(message.epoch && $util.isInteger(message.epoch.low) && $util.isInteger(message.epoch.high)))
                        return "epoch: integer|Long expected";
                if (message.owners != null && message.hasOwnProperty("owners")) {
                    if (!Array.isArray(message.owners))
                        return "owners: array expected";
                    for (let i = 0; i < message.owners.length; ++i)
                        if (!$util.isString(message.owners[i]))
                            return "owners: string[] expected";
                }
                if (message.members != null && message.hasOwnProperty("members")) {
                    if (!Array.isArray(message.members))
                        return "members: array expected";
                    for (let i = 0; i < message.members.length; ++i) {
                        let error = $root.troupe.v1.ClusterMember.verify(message.members[i]);
                        if (error)
                            return "members." + error;
                    }
                }
                if (message.clusterId != null && message.hasOwnProperty("clusterId"))
                    if (!$util.isString(message.clusterId))
                        return "clusterId: string expected";
                if (message.founders != null && message.hasOwnProperty("founders")) {
                    if (!Array.isArray(message.founders))
                        return "founders: array expected";
                    for (let i = 0; i < message.founders.length; ++i)
                        if (!$util.isString(message.founders[i]))
                            return "founders: string[] expected";
                }
                return null;
            };

            PartitionTable.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.PartitionTable)
                    return object;
                let message = new $root.troupe.v1.PartitionTable();
                if (object.epoch != null)
                    if ($util.Long)
                        (message.epoch = $util.Long.fromValue(object.epoch)).unsigned = true;
                    else if (typeof object.epoch === "string")
                        message.epoch = parseInt(object.epoch, 10);
                    else if (typeof object.epoch === "number")
                        message.epoch = object.epoch;
                    else if (typeof object.epoch === "object")
                        message.epoch = new $util.LongBits(object.epoch.low >>> 0, object.epoch.high >>> 0).toNumber(true);
                if (object.owners) {
                    if (!Array.isArray(object.owners))
                        throw TypeError(".troupe.v1.PartitionTable.owners: array expected");
                    message.owners = [];
                    for (let i = 0; i < object.owners.length; ++i)
                        message.owners[i] = String(object.owners[i]);
                }
                if (object.members) {
                    if (!Array.isArray(object.members))
                        throw TypeError(".troupe.v1.PartitionTable.members: array expected");
                    message.members = [];
                    for (let i = 0; i < object.members.length; ++i) {
                        if (typeof object.members[i] !== "object")
                            throw TypeError(".troupe.v1.PartitionTable.members: object expected");
                        message.members[i] = $root.troupe.v1.ClusterMember.fromObject(object.members[i]);
                    }
                }
                if (object.clusterId != null)
                    message.clusterId = String(object.clusterId);
                if (object.founders) {
                    if (!Array.isArray(object.founders))
                        throw TypeError(".troupe.v1.PartitionTable.founders: array expected");
                    message.founders = [];
                    for (let i = 0; i < object.founders.length; ++i)
                        message.founders[i] = String(object.founders[i]);
                }
                return message;
            };

            PartitionTable.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults) {
                    object.owners = [];
                    object.members = [];
                    object.founders = [];
                }
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.epoch = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.epoch = options.longs === String ? "0" : 0;
                    object.clusterId = "";
                }
                if (message.epoch != null && message.hasOwnProperty("epoch"))
                    if (typeof message.epoch === "number")
                        object.epoch = options.longs === String ? String(message.epoch) : message.epoch;
                    else
                        object.epoch = options.longs === String ? $util.Long.prototype.toString.call(message.epoch) : options.longs === Number ? new $util.LongBits(message.epoch.low >>> 0, message.epoch.high >>> 0).toNumber(true) : message.epoch;
                if (message.owners && message.owners.length) {
                    object.owners = [];
                    for (let j = 0; j < message.owners.length; ++j)
                        object.owners[j] = message.owners[j];
                }
                if (message.members && message.members.length) {
                    object.members = [];
                    for (let j = 0; j < message.members.length; ++j)
                        object.members[j] = $root.troupe.v1.ClusterMember.toObject(message.members[j], options);
                }
                if (message.clusterId != null && message.hasOwnProperty("clusterId"))
                    object.clusterId = message.clusterId;
                if (message.founders && message.founders.length) {
                    object.founders = [];
                    for (let j = 0; j < message.founders.length; ++j)
                        object.founders[j] = message.founders[j];
                }
                return object;
            };

            PartitionTable.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PartitionTable;
        })();

        v1.ClusterStatus = (function() {

            function ClusterStatus(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ClusterStatus.create = function create(properties) {
                return new ClusterStatus(properties);
            };

            ClusterStatus.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                return writer;
            };

            ClusterStatus.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ClusterStatus();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ClusterStatus.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                return null;
            };

            ClusterStatus.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ClusterStatus)
                    return object;
                return new $root.troupe.v1.ClusterStatus();
            };

            ClusterStatus.toObject = function toObject() {
                return {};
            };

            ClusterStatus.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ClusterStatus;
        })();

        v1.ClusterDrain = (function() {

            function ClusterDrain(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ClusterDrain.prototype.nodeId = "";

            ClusterDrain.create = function create(properties) {
                return new ClusterDrain(properties);
            };

            ClusterDrain.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(10).string(message.nodeId);
                return writer;
            };

            ClusterDrain.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ClusterDrain();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ClusterDrain.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                return null;
            };

            ClusterDrain.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ClusterDrain)
                    return object;
                let message = new $root.troupe.v1.ClusterDrain();
                if (object.nodeId != null)
                    message.nodeId = String(object.nodeId);
                return message;
            };

            ClusterDrain.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    object.nodeId = "";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    object.nodeId = message.nodeId;
                return object;
            };

            ClusterDrain.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ClusterDrain;
        })();

        v1.ClusterTransferLeader = (function() {

            function ClusterTransferLeader(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ClusterTransferLeader.prototype.partition = 0;
            ClusterTransferLeader.prototype.nodeId = "";

            ClusterTransferLeader.create = function create(properties) {
                return new ClusterTransferLeader(properties);
            };

            ClusterTransferLeader.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.partition != null && Object.hasOwnProperty.call(message, "partition"))
                    writer.uint32(8).uint32(message.partition);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(18).string(message.nodeId);
                return writer;
            };

            ClusterTransferLeader.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ClusterTransferLeader();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.partition = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ClusterTransferLeader.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.partition != null && message.hasOwnProperty("partition"))
                    if (!$util.isInteger(message.partition))
                        return "partition: integer expected";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                return null;
            };

            ClusterTransferLeader.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ClusterTransferLeader)
                    return object;
                let message = new $root.troupe.v1.ClusterTransferLeader();
                if (object.partition != null)
                    message.partition = object.partition >>> 0;
                if (object.nodeId != null)
                    message.nodeId = String(object.nodeId);
                return message;
            };

            ClusterTransferLeader.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.partition = 0;
                    object.nodeId = "";
                }
                if (message.partition != null && message.hasOwnProperty("partition"))
                    object.partition = message.partition;
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    object.nodeId = message.nodeId;
                return object;
            };

            ClusterTransferLeader.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ClusterTransferLeader;
        })();

        v1.ReplicaProgress = (function() {

            function ReplicaProgress(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ReplicaProgress.prototype.nodeId = "";
            ReplicaProgress.prototype.match = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ReplicaProgress.prototype.active = false;

            ReplicaProgress.create = function create(properties) {
                return new ReplicaProgress(properties);
            };

            ReplicaProgress.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(10).string(message.nodeId);
                if (message.match != null && Object.hasOwnProperty.call(message, "match"))
                    writer.uint32(16).uint64(message.match);
                if (message.active != null && Object.hasOwnProperty.call(message, "active"))
                    writer.uint32(24).bool(message.active);
                return writer;
            };

            ReplicaProgress.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ReplicaProgress();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.match = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.active = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ReplicaProgress.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                if (message.match != null && message.hasOwnProperty("match"))
                    if (!$util.isInteger(message.match) && !(message.match && $util.isInteger(message.match.low) && $util.isInteger(message.match.high)))
                        return "match: integer|Long expected";
                if (message.active != null && message.hasOwnProperty("active"))
                    if (typeof message.active !== "boolean")
                        return "active: boolean expected";
                return null;
            };

            ReplicaProgress.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ReplicaProgress)
                    return object;
                let message = new $root.troupe.v1.ReplicaProgress();
                if (object.nodeId != null)
                    message.nodeId = String(object.nodeId);
                if (object.match != null)
                    if ($util.Long)
                        (message.match = $util.Long.fromValue(object.match)).unsigned = true;
                    else if (typeof object.match === "string")
                        message.match = parseInt(object.match, 10);
                    else if (typeof object.match === "number")
                        message.match = object.match;
                    else if (typeof object.match === "object")
                        message.match = new $util.LongBits(object.match.low >>> 0, object.match.high >>> 0).toNumber(true);
                if (object.active != null)
                    message.active = Boolean(object.active);
                return message;
            };

            ReplicaProgress.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.nodeId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.match = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.match = options.longs === String ? "0" : 0;
                    object.active = false;
                }
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    object.nodeId = message.nodeId;
                if (message.match != null && message.hasOwnProperty("match"))
                    if (typeof message.match === "number")
                        object.match = options.longs === String ? String(message.match) : message.match;
                    else
                        object.match = options.longs === String ? $util.Long.prototype.toString.call(message.match) : options.longs === Number ? new $util.LongBits(message.match.low >>> 0, message.match.high >>> 0).toNumber(true) : message.match;
                if (message.active != null && message.hasOwnProperty("active"))
                    object.active = message.active;
                return object;
            };

            ReplicaProgress.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReplicaProgress;
        })();

        v1.GroupStatus = (function() {

            function GroupStatus(properties) {
                this.replicas = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            GroupStatus.prototype.partition = 0;
            GroupStatus.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupStatus.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupStatus.prototype.last = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupStatus.prototype.replicas = $util.emptyArray;

            GroupStatus.create = function create(properties) {
                return new GroupStatus(properties);
            };

            GroupStatus.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.partition != null && Object.hasOwnProperty.call(message, "partition"))
                    writer.uint32(8).uint32(message.partition);
                if (message.term != null && Object.hasOwnProperty.call(message, "term"))
                    writer.uint32(16).uint64(message.term);
                if (message.commit != null && Object.hasOwnProperty.call(message, "commit"))
                    writer.uint32(24).uint64(message.commit);
                if (message.last != null && Object.hasOwnProperty.call(message, "last"))
                    writer.uint32(32).uint64(message.last);
                if (message.replicas != null && message.replicas.length)
                    for (let i = 0; i < message.replicas.length; ++i)
                        $root.troupe.v1.ReplicaProgress.encode(message.replicas[i], writer.uint32(42).fork()).ldelim();
                return writer;
            };

            GroupStatus.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.GroupStatus();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.partition = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.term = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.commit = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.last = reader.uint64();
                            break;
                        }
                    case 5: {
                            if (!(message.replicas && message.replicas.length))
                                message.replicas = [];
                            message.replicas.push($root.troupe.v1.ReplicaProgress.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            GroupStatus.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.partition != null && message.hasOwnProperty("partition"))
                    if (!$util.isInteger(message.partition))
                        return "partition: integer expected";
                if (message.term != null && message.hasOwnProperty("term"))
                    if (!$util.isInteger(message.term) && !(message.term && $util.isInteger(message.term.low) && $util.isInteger(message.term.high)))
                        return "term: integer|Long expected";
                if (message.commit != null && message.hasOwnProperty("commit"))
                    if (!$util.isInteger(message.commit) && !(message.commit && $util.isInteger(message.commit.low) && $util.isInteger(message.commit.high)))
                        return "commit: integer|Long expected";
                if (message.last != null && message.hasOwnProperty("last"))
                    if (!$util.isInteger(message.last) && !(message.last && $util.isInteger(message.last.low) && $util.isInteger(message.last.high)))
                        return "last: integer|Long expected";
                if (message.replicas != null && message.hasOwnProperty("replicas")) {
                    if (!Array.isArray(message.replicas))
                        return "replicas: array expected";
                    for (let i = 0; i < message.replicas.length; ++i) {
                        let error = $root.troupe.v1.ReplicaProgress.verify(message.replicas[i]);
                        if (error)
                            return "replicas." + error;
                    }
                }
                return null;
            };

            GroupStatus.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.GroupStatus)
                    return object;
                let message = new $root.troupe.v1.GroupStatus();
                if (object.partition != null)
                    message.partition = object.partition >>> 0;
                if (object.term != null)
                    if ($util.Long)
                        (message.term = $util.Long.fromValue(object.term)).unsigned = true;
                    else if (typeof object.term === "string")
                        message.term = parseInt(object.term, 10);
                    else if (typeof object.term === "number")
                        message.term = object.term;
                    else if (typeof object.term === "object")
                        message.term = new $util.LongBits(object.term.low >>> 0, object.term.high >>> 0).toNumber(true);
                if (object.commit != null)
                    if ($util.Long)
                        (message.commit = $util.Long.fromValue(object.commit)).unsigned = true;
                    else if (typeof object.commit === "string")
                        message.commit = parseInt(object.commit, 10);
                    else if (typeof object.commit === "number")
                        message.commit = object.commit;
                    else if (typeof object.commit === "object")
                        message.commit = new $util.LongBits(object.commit.low >>> 0, object.commit.high >>> 0).toNumber(true);
                if (object.last != null)
                    if ($util.Long)
                        (message.last = $util.Long.fromValue(object.last)).unsigned = true;
                    else if (typeof object.last === "string")
                        message.last = parseInt(object.last, 10);
                    else if (typeof object.last === "number")
                        message.last = object.last;
                    else if (typeof object.last === "object")
                        message.last = new $util.LongBits(object.last.low >>> 0, object.last.high >>> 0).toNumber(true);
                if (object.replicas) {
                    if (!Array.isArray(object.replicas))
                        throw TypeError(".troupe.v1.GroupStatus.replicas: array expected");
                    message.replicas = [];
                    for (let i = 0; i < object.replicas.length; ++i) {
                        if (typeof object.replicas[i] !== "object")
                            throw TypeError(".troupe.v1.GroupStatus.replicas: object expected");
                        message.replicas[i] = $root.troupe.v1.ReplicaProgress.fromObject(object.replicas[i]);
                    }
                }
                return message;
            };

            GroupStatus.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.replicas = [];
                if (options.defaults) {
                    object.partition = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.term = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.term = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.commit = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.commit = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.last = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.last = options.longs === String ? "0" : 0;
                }
                if (message.partition != null && message.hasOwnProperty("partition"))
                    object.partition = message.partition;
                if (message.term != null && message.hasOwnProperty("term"))
                    if (typeof message.term === "number")
                        object.term = options.longs === String ? String(message.term) : message.term;
                    else
                        object.term = options.longs === String ? $util.Long.prototype.toString.call(message.term) : options.longs === Number ? new $util.LongBits(message.term.low >>> 0, message.term.high >>> 0).toNumber(true) : message.term;
                if (message.commit != null && message.hasOwnProperty("commit"))
                    if (typeof message.commit === "number")
                        object.commit = options.longs === String ? String(message.commit) : message.commit;
                    else
                        object.commit = options.longs === String ? $util.Long.prototype.toString.call(message.commit) : options.longs === Number ? new $util.LongBits(message.commit.low >>> 0, message.commit.high >>> 0).toNumber(true) : message.commit;
                if (message.last != null && message.hasOwnProperty("last"))
                    if (typeof message.last === "number")
                        object.last = options.longs === String ? String(message.last) : message.last;
                    else
                        object.last = options.longs === String ? $util.Long.prototype.toString.call(message.last) : options.longs === Number ? new $util.LongBits(message.last.low >>> 0, message.last.high >>> 0).toNumber(true) : message.last;
                if (message.replicas && message.replicas.length) {
                    object.replicas = [];
                    for (let j = 0; j < message.replicas.length; ++j)
                        object.replicas[j] = $root.troupe.v1.ReplicaProgress.toObject(message.replicas[j], options);
                }
                return object;
            };

            GroupStatus.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return GroupStatus;
        })();

        v1.ClusterStatusReply = (function() {

            function ClusterStatusReply(properties) {
                this.led = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ClusterStatusReply.prototype.nodeId = "";
            ClusterStatusReply.prototype.coordinator = "";
            ClusterStatusReply.prototype.table = null;
            ClusterStatusReply.prototype.moving = 0;
            ClusterStatusReply.prototype.led = $util.emptyArray;

            ClusterStatusReply.create = function create(properties) {
                return new ClusterStatusReply(properties);
            };

            ClusterStatusReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(10).string(message.nodeId);
                if (message.coordinator != null && Object.hasOwnProperty.call(message, "coordinator"))
                    writer.uint32(18).string(message.coordinator);
                if (message.table != null && Object.hasOwnProperty.call(message, "table"))
                    $root.troupe.v1.PartitionTable.encode(message.table, writer.uint32(26).fork()).ldelim();
                if (message.moving != null && Object.hasOwnProperty.call(message, "moving"))
                    writer.uint32(32).uint32(message.moving);
                if (message.led != null && message.led.length)
                    for (let i = 0; i < message.led.length; ++i)
                        $root.troupe.v1.GroupStatus.encode(message.led[i], writer.uint32(42).fork()).ldelim();
                return writer;
            };

            ClusterStatusReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ClusterStatusReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeId = reader.string();
                            break;
                        }
                    case 2: {
                            message.coordinator = reader.string();
                            break;
                        }
                    case 3: {
                            message.table = $root.troupe.v1.PartitionTable.decode(reader, reader.uint32());
                            break;
                        }
                    case 4: {
                            message.moving = reader.uint32();
                            break;
                        }
                    case 5: {
                            if (!(message.led && message.led.length))
                                message.led = [];
                            message.led.push($root.troupe.v1.GroupStatus.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ClusterStatusReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                if (message.coordinator != null && message.hasOwnProperty("coordinator"))
                    if (!$util.isString(message.coordinator))
                        return "coordinator: string expected";
                if (message.table != null && message.hasOwnProperty("table")) {
                    let error = $root.troupe.v1.PartitionTable.verify(message.table);
                    if (error)
                        return "table." + error;
                }
                if (message.moving != null && message.hasOwnProperty("moving"))
                    if (!$util.isInteger(message.moving))
                        return "moving: integer expected";
                if (message.led != null && message.hasOwnProperty("led")) {
                    if (!Array.isArray(message.led))
                        return "led: array expected";
                    for (let i = 0; i < message.led.length; ++i) {
                        let error = $root.troupe.v1.GroupStatus.verify(message.led[i]);
                        if (error)
                            return "led." + error;
                    }
                }
                return null;
            };

            ClusterStatusReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ClusterStatusReply)
                    return object;
                let message = new $root.troupe.v1.ClusterStatusReply();
                if (object.nodeId != null)
                    message.nodeId = String(object.nodeId);
                if (object.coordinator != null)
                    message.coordinator = String(object.coordinator);
                if (object.table != null) {
                    if (typeof object.table !== "object")
                        throw TypeError(".troupe.v1.ClusterStatusReply.table: object expected");
                    message.table = $root.troupe.v1.PartitionTable.fromObject(object.table);
                }
                if (object.moving != null)
                    message.moving = object.moving >>> 0;
                if (object.led) {
                    if (!Array.isArray(object.led))
                        throw TypeError(".troupe.v1.ClusterStatusReply.led: array expected");
                    message.led = [];
                    for (let i = 0; i < object.led.length; ++i) {
                        if (typeof object.led[i] !== "object")
                            throw TypeError(".troupe.v1.ClusterStatusReply.led: object expected");
                        message.led[i] = $root.troupe.v1.GroupStatus.fromObject(object.led[i]);
                    }
                }
                return message;
            };

            ClusterStatusReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.led = [];
                if (options.defaults) {
                    object.nodeId = "";
                    object.coordinator = "";
                    object.table = null;
                    object.moving = 0;
                }
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    object.nodeId = message.nodeId;
                if (message.coordinator != null && message.hasOwnProperty("coordinator"))
                    object.coordinator = message.coordinator;
                if (message.table != null && message.hasOwnProperty("table"))
                    object.table = $root.troupe.v1.PartitionTable.toObject(message.table, options);
                if (message.moving != null && message.hasOwnProperty("moving"))
                    object.moving = message.moving;
                if (message.led && message.led.length) {
                    object.led = [];
                    for (let j = 0; j < message.led.length; ++j)
                        object.led[j] = $root.troupe.v1.GroupStatus.toObject(message.led[j], options);
                }
                return object;
            };

            ClusterStatusReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ClusterStatusReply;
        })();

        v1.PartitionChunk = (function() {

            function PartitionChunk(properties) {
                this.entries = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            PartitionChunk.prototype.partition = 0;
            PartitionChunk.prototype.entries = $util.emptyArray;
            PartitionChunk.prototype.nextColumn = 0;
            PartitionChunk.prototype.nextAfter = $util.newBuffer([]);
            PartitionChunk.prototype.done = false;

            PartitionChunk.create = function create(properties) {
                return new PartitionChunk(properties);
            };

            PartitionChunk.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.partition != null && Object.hasOwnProperty.call(message, "partition"))
                    writer.uint32(8).uint32(message.partition);
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.troupe.v1.PartitionChunk.Entry.encode(message.entries[i], writer.uint32(18).fork()).ldelim();
                if (message.nextColumn != null && Object.hasOwnProperty.call(message, "nextColumn"))
                    writer.uint32(24).uint32(message.nextColumn);
                if (message.nextAfter != null && Object.hasOwnProperty.call(message, "nextAfter"))
                    writer.uint32(34).bytes(message.nextAfter);
                if (message.done != null && Object.hasOwnProperty.call(message, "done"))
                    writer.uint32(40).bool(message.done);
                return writer;
            };

            PartitionChunk.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.PartitionChunk();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.partition = reader.uint32();
                            break;
                        }
                    case 2: {
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.troupe.v1.PartitionChunk.Entry.decode(reader, reader.uint32()));
                            break;
                        }
                    case 3: {
                            message.nextColumn = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.nextAfter = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.done = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            PartitionChunk.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.partition != null && message.hasOwnProperty("partition"))
                    if (!$util.isInteger(message.partition))
                        return "partition: integer expected";
                if (message.entries != null && message.hasOwnProperty("entries")) {
                    if (!Array.isArray(message.entries))
                        return "entries: array expected";
                    for (let i = 0; i < message.entries.length; ++i) {
                        let error = $root.troupe.v1.PartitionChunk.Entry.verify(message.entries[i]);
                        if (error)
                            return "entries." + error;
                    }
                }
                if (message.nextColumn != null && message.hasOwnProperty("nextColumn"))
                    if (!$util.isInteger(message.nextColumn))
                        return "nextColumn: integer expected";
                if (message.nextAfter != null && message.hasOwnProperty("nextAfter"))
                    if (!(message.nextAfter && typeof message.nextAfter.length === "number" || $util.isString(message.nextAfter)))
                        return "nextAfter: buffer expected";
                if (message.done != null && message.hasOwnProperty("done"))
                    if (typeof message.done !== "boolean")
                        return "done: boolean expected";
                return null;
            };

            PartitionChunk.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.PartitionChunk)
                    return object;
                let message = new $root.troupe.v1.PartitionChunk();
                if (object.partition != null)
                    message.partition = object.partition >>> 0;
                if (object.entries) {
                    if (!Array.isArray(object.entries))
                        throw TypeError(".troupe.v1.PartitionChunk.entries: array expected");
                    message.entries = [];
                    for (let i = 0; i < object.entries.length; ++i) {
                        if (typeof object.entries[i] !== "object")
                            throw TypeError(".troupe.v1.PartitionChunk.entries: object expected");
                        message.entries[i] = $root.troupe.v1.PartitionChunk.Entry.fromObject(object.entries[i]);
                    }
                }
                if (object.nextColumn != null)
                    message.nextColumn = object.nextColumn >>> 0;
                if (object.nextAfter != null)
                    if (typeof object.nextAfter === "string")
                        $util.base64.decode(object.nextAfter, message.nextAfter = $util.newBuffer($util.base64.length(object.nextAfter)), 0);
                    else if (object.nextAfter.length >= 0)
                        message.nextAfter = object.nextAfter;
                if (object.done != null)
                    message.done = Boolean(object.done);
                return message;
            };

            PartitionChunk.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.entries = [];
                if (options.defaults) {
                    object.partition = 0;
                    object.nextColumn = 0;
                    if (options.bytes === String)
                        object.nextAfter = "";
                    else {
                        object.nextAfter = [];
                        if (options.bytes !== Array)
                            object.nextAfter = $util.newBuffer(object.nextAfter);
                    }
                    object.done = false;
                }
                if (message.partition != null && message.hasOwnProperty("partition"))
                    object.partition = message.partition;
                if (message.entries && message.entries.length) {
                    object.entries = [];
                    for (let j = 0; j < message.entries.length; ++j)
                        object.entries[j] = $root.troupe.v1.PartitionChunk.Entry.toObject(message.entries[j], options);
                }
                if (message.nextColumn != null && message.hasOwnProperty("nextColumn"))
                    object.nextColumn = message.nextColumn;
                if (message.nextAfter != null && message.hasOwnProperty("nextAfter"))
                    object.nextAfter = options.bytes === String ? $util.base64.encode(message.nextAfter, 0, message.nextAfter.length) : options.bytes === Array ? Array.prototype.slice.call(message.nextAfter) : message.nextAfter;
                if (message.done != null && message.hasOwnProperty("done"))
                    object.done = message.done;
                return object;
            };

            PartitionChunk.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            PartitionChunk.Entry = (function() {

                function Entry(properties) {
                    if (properties)
                        for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null)
                                this[keys[i]] = properties[keys[i]];
                }

                Entry.prototype.column = 0;
                Entry.prototype.key = $util.newBuffer([]);
                Entry.prototype.value = $util.newBuffer([]);
                Entry.prototype.deleted = false;

                Entry.create = function create(properties) {
                    return new Entry(properties);
                };

                Entry.encode = function encode(message, writer) {
                    if (!writer)
                        writer = $Writer.create();
                    if (message.column != null && Object.hasOwnProperty.call(message, "column"))
                        writer.uint32(8).uint32(message.column);
                    if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                        writer.uint32(18).bytes(message.key);
                    if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                        writer.uint32(26).bytes(message.value);
                    if (message.deleted != null && Object.hasOwnProperty.call(message, "deleted"))
                        writer.uint32(32).bool(message.deleted);
                    return writer;
                };

                Entry.decode = function decode(reader, length) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.PartitionChunk.Entry();
                    while (reader.pos < end) {
                        let tag = reader.uint32();
                        switch (tag >>> 3) {
                        case 1: {
                                message.column = reader.uint32();
                                break;
                            }
                        case 2: {
                                message.key = reader.bytes();
                                break;
                            }
                        case 3: {
                                message.value = reader.bytes();
                                break;
                            }
                        case 4: {
                                message.deleted = reader.bool();
                                break;
                            }
                        default:
                            reader.skipType(tag & 7);
                            break;
                        }
                    }
                    return message;
                };

                Entry.verify = function verify(message) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (message.column != null && message.hasOwnProperty("column"))
                        if (!$util.isInteger(message.column))
                            return "column: integer expected";
                    if (message.key != null && message.hasOwnProperty("key"))
                        if (!(message.key && typeof message.key.length === "number" || $util.isString(message.key)))
                            return "key: buffer expected";
                    if (message.value != null && message.hasOwnProperty("value"))
                        if (!(message.value && typeof message.value.length === "number" || $util.isString(message.value)))
                            return "value: buffer expected";
                    if (message.deleted != null && message.hasOwnProperty("deleted"))
                        if (typeof message.deleted !== "boolean")
                            return "deleted: boolean expected";
                    return null;
                };

                Entry.fromObject = function fromObject(object) {
                    if (object instanceof $root.troupe.v1.PartitionChunk.Entry)
                        return object;
                    let message = new $root.troupe.v1.PartitionChunk.Entry();
                    if (object.column != null)
                        message.column = object.column >>> 0;
                    if (object.key != null)
                        if (typeof object.key === "string")
                            $util.base64.decode(object.key, message.key = $util.newBuffer($util.base64.length(object.key)), 0);
                        else if (object.key.length >= 0)
                            message.key = object.key;
                    if (object.value != null)
                        if (typeof object.value === "string")
                            $util.base64.decode(object.value, message.value = $util.newBuffer($util.base64.length(object.value)), 0);
                        else if (object.value.length >= 0)
                            message.value = object.value;
                    if (object.deleted != null)
                        message.deleted = Boolean(object.deleted);
                    return message;
                };

                Entry.toObject = function toObject(message, options) {
                    if (!options)
                        options = {};
                    let object = {};
                    if (options.defaults) {
                        object.column = 0;
                        if (options.bytes === String)
                            object.key = "";
                        else {
                            object.key = [];
                            if (options.bytes !== Array)
                                object.key = $util.newBuffer(object.key);
                        }
                        if (options.bytes === String)
                            object.value = "";
                        else {
                            object.value = [];
                            if (options.bytes !== Array)
                                object.value = $util.newBuffer(object.value);
                        }
                        object.deleted = false;
                    }
                    if (message.column != null && message.hasOwnProperty("column"))
                        object.column = message.column;
                    if (message.key != null && message.hasOwnProperty("key"))
                        object.key = options.bytes === String ? $util.base64.encode(message.key, 0, message.key.length) : options.bytes === Array ? Array.prototype.slice.call(message.key) : message.key;
                    if (message.value != null && message.hasOwnProperty("value"))
                        object.value = options.bytes === String ? $util.base64.encode(message.value, 0, message.value.length) : options.bytes === Array ? Array.prototype.slice.call(message.value) : message.value;
                    if (message.deleted != null && message.hasOwnProperty("deleted"))
                        object.deleted = message.deleted;
                    return object;
                };

                Entry.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                return Entry;
            })();

            return PartitionChunk;
        })();

        v1.ExportChunk = (function() {

            function ExportChunk(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ExportChunk.prototype.partition = 0;
            ExportChunk.prototype.column = 0;
            ExportChunk.prototype.after = $util.newBuffer([]);
            ExportChunk.prototype.maxBytes = 0;
            ExportChunk.prototype.exportId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            ExportChunk.create = function create(properties) {
                return new ExportChunk(properties);
            };

            ExportChunk.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.partition != null && Object.hasOwnProperty.call(message, "partition"))
                    writer.uint32(8).uint32(message.partition);
                if (message.column != null && Object.hasOwnProperty.call(message, "column"))
                    writer.uint32(16).uint32(message.column);
                if (message.after != null && Object.hasOwnProperty.call(message, "after"))
                    writer.uint32(26).bytes(message.after);
                if (message.maxBytes != null && Object.hasOwnProperty.call(message, "maxBytes"))
                    writer.uint32(32).uint32(message.maxBytes);
                if (message.exportId != null && Object.hasOwnProperty.call(message, "exportId"))
                    writer.uint32(40).uint64(message.exportId);
                return writer;
            };

            ExportChunk.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ExportChunk();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.partition = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.column = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.after = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.maxBytes = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.exportId = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ExportChunk.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.partition != null && message.hasOwnProperty("partition"))
                    if (!$util.isInteger(message.partition))
                        return "partition: integer expected";
                if (message.column != null && message.hasOwnProperty("column"))
                    if (!$util.isInteger(message.column))
                        return "column: integer expected";
                if (message.after != null && message.hasOwnProperty("after"))
                    if (!(message.after && typeof message.after.length === "number" || $util.isString(message.after)))
                        return "after: buffer expected";
                if (message.maxBytes != null && message.hasOwnProperty("maxBytes"))
                    if (!$util.isInteger(message.maxBytes))
                        return "maxBytes: integer expected";
                if (message.exportId != null && message.hasOwnProperty("exportId"))
                    if (!$util.isInteger(message.exportId) && !(message.exportId && $util.isInteger(message.exportId.low) && $util.isInteger(message.exportId.high)))
                        return "exportId: integer|Long expected";
                return null;
            };

            ExportChunk.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ExportChunk)
                    return object;
                let message = new $root.troupe.v1.ExportChunk();
                if (object.partition != null)
                    message.partition = object.partition >>> 0;
                if (object.column != null)
                    message.column = object.column >>> 0;
                if (object.after != null)
                    if (typeof object.after === "string")
                        $util.base64.decode(object.after, message.after = $util.newBuffer($util.base64.length(object.after)), 0);
                    else if (object.after.length >= 0)
                        message.after = object.after;
                if (object.maxBytes != null)
                    message.maxBytes = object.maxBytes >>> 0;
                if (object.exportId != null)
                    if ($util.Long)
                        (message.exportId = $util.Long.fromValue(object.exportId)).unsigned = true;
                    else if (typeof object.exportId === "string")
                        message.exportId = parseInt(object.exportId, 10);
                    else if (typeof object.exportId === "number")
                        message.exportId = object.exportId;
                    else if (typeof object.exportId === "object")
                        message.exportId = new $util.LongBits(object.exportId.low >>> 0, object.exportId.high >>> 0).toNumber(true);
                return message;
            };

            ExportChunk.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.partition = 0;
                    object.column = 0;
                    if (options.bytes === String)
                        object.after = "";
                    else {
                        object.after = [];
                        if (options.bytes !== Array)
                            object.after = $util.newBuffer(object.after);
                    }
                    object.maxBytes = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.exportId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.exportId = options.longs === String ? "0" : 0;
                }
                if (message.partition != null && message.hasOwnProperty("partition"))
                    object.partition = message.partition;
                if (message.column != null && message.hasOwnProperty("column"))
                    object.column = message.column;
                if (message.after != null && message.hasOwnProperty("after"))
                    object.after = options.bytes === String ? $util.base64.encode(message.after, 0, message.after.length) : options.bytes === Array ? Array.prototype.slice.call(message.after) : message.after;
                if (message.maxBytes != null && message.hasOwnProperty("maxBytes"))
                    object.maxBytes = message.maxBytes;
                if (message.exportId != null && message.hasOwnProperty("exportId"))
                    if (typeof message.exportId === "number")
                        object.exportId = options.longs === String ? String(message.exportId) : message.exportId;
                    else
                        object.exportId = options.longs === String ? $util.Long.prototype.toString.call(message.exportId) : options.longs === Number ? new $util.LongBits(message.exportId.low >>> 0, message.exportId.high >>> 0).toNumber(true) : message.exportId;
                return object;
            };

            ExportChunk.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ExportChunk;
        })();

        v1.ImportChunk = (function() {

            function ImportChunk(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ImportChunk.prototype.chunk = null;
            ImportChunk.prototype.first = false;
            ImportChunk.prototype.replace = false;

            ImportChunk.create = function create(properties) {
                return new ImportChunk(properties);
            };

            ImportChunk.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.chunk != null && Object.hasOwnProperty.call(message, "chunk"))
                    $root.troupe.v1.PartitionChunk.encode(message.chunk, writer.uint32(10).fork()).ldelim();
                if (message.first != null && Object.hasOwnProperty.call(message, "first"))
                    writer.uint32(16).bool(message.first);
                if (message.replace != null && Object.hasOwnProperty.call(message, "replace"))
                    writer.uint32(24).bool(message.replace);
                return writer;
            };

            ImportChunk.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ImportChunk();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.chunk = $root.troupe.v1.PartitionChunk.decode(reader, reader.uint32());
                            break;
                        }
                    case 2: {
                            message.first = reader.bool();
                            break;
                        }
                    case 3: {
                            message.replace = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ImportChunk.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.chunk != null && message.hasOwnProperty("chunk")) {
                    let error = $root.troupe.v1.PartitionChunk.verify(message.chunk);
                    if (error)
                        return "chunk." + error;
                }
                if (message.first != null && message.hasOwnProperty("first"))
                    if (typeof message.first !== "boolean")
                        return "first: boolean expected";
                if (message.replace != null && message.hasOwnProperty("replace"))
                    if (typeof message.replace !== "boolean")
                        return "replace: boolean expected";
                return null;
            };

            ImportChunk.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ImportChunk)
                    return object;
                let message = new $root.troupe.v1.ImportChunk();
                if (object.chunk != null) {
                    if (typeof object.chunk !== "object")
                        throw TypeError(".troupe.v1.ImportChunk.chunk: object expected");
                    message.chunk = $root.troupe.v1.PartitionChunk.fromObject(object.chunk);
                }
                if (object.first != null)
                    message.first = Boolean(object.first);
                if (object.replace != null)
                    message.replace = Boolean(object.replace);
                return message;
            };

            ImportChunk.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.chunk = null;
                    object.first = false;
                    object.replace = false;
                }
                if (message.chunk != null && message.hasOwnProperty("chunk"))
                    object.chunk = $root.troupe.v1.PartitionChunk.toObject(message.chunk, options);
                if (message.first != null && message.hasOwnProperty("first"))
                    object.first = message.first;
                if (message.replace != null && message.hasOwnProperty("replace"))
                    object.replace = message.replace;
                return object;
            };

            ImportChunk.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ImportChunk;
        })();

        v1.StateGet = (function() {

            function StateGet(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateGet.prototype.traceId = $util.newBuffer([]);
            StateGet.prototype.key = $util.newBuffer([]);

            StateGet.create = function create(properties) {
                return new StateGet(properties);
            };

            StateGet.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(18).bytes(message.key);
                return writer;
            };

            StateGet.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateGet();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.key = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateGet.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.key != null && message.hasOwnProperty("key"))
                    if (!(message.key && typeof message.key.length === "number" || $util.isString(message.key)))
                        return "key: buffer expected";
                return null;
            };

            StateGet.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateGet)
                    return object;
                let message = new $root.troupe.v1.StateGet();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.key != null)
                    if (typeof object.key === "string")
                        $util.base64.decode(object.key, message.key = $util.newBuffer($util.base64.length(object.key)), 0);
                    else if (object.key.length >= 0)
                        message.key = object.key;
                return message;
            };

            StateGet.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    if (options.bytes === String)
                        object.key = "";
                    else {
                        object.key = [];
                        if (options.bytes !== Array)
                            object.key = $util.newBuffer(object.key);
                    }
                }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.key != null && message.hasOwnProperty("key"))
                    object.key = options.bytes === String ? $util.base64.encode(message.key, 0, message.key.length) : options.bytes === Array ? Array.prototype.slice.call(message.key) : message.key;
                return object;
            };

            StateGet.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateGet;
        })();

        v1.StateExists = (function() {

            function StateExists(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateExists.prototype.traceId = $util.newBuffer([]);
            StateExists.prototype.key = $util.newBuffer([]);

            StateExists.create = function create(properties) {
                return new StateExists(properties);
            };

            StateExists.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(18).bytes(message.key);
                return writer;
            };

            StateExists.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateExists();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.key = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateExists.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.key != null && message.hasOwnProperty("key"))
                    if (!(message.key && typeof message.key.length === "number" || $util.isString(message.key)))
                        return "key: buffer expected";
                return null;
            };

            StateExists.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateExists)
                    return object;
                let message = new $root.troupe.v1.StateExists();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.key != null)
                    if (typeof object.key === "string")
                        $util.base64.decode(object.key, message.key = $util.newBuffer($util.base64.length(object.key)), 0);
                    else if (object.key.length >= 0)
                        message.key = object.key;
                return message;
            };

            StateExists.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    if (options.bytes === String)
                        object.key = "";
                    else {
                        object.key = [];
                        if (options.bytes !== Array)
                            object.key = $util.newBuffer(object.key);
                    }
                }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.key != null && message.hasOwnProperty("key"))
                    object.key = options.bytes === String ? $util.base64.encode(message.key, 0, message.key.length) : options.bytes === Array ? Array.prototype.slice.call(message.key) : message.key;
                return object;
            };

            StateExists.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateExists;
        })();

        v1.StateGetMany = (function() {

            function StateGetMany(properties) {
                this.keys = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateGetMany.prototype.traceId = $util.newBuffer([]);
            StateGetMany.prototype.keys = $util.emptyArray;

            StateGetMany.create = function create(properties) {
                return new StateGetMany(properties);
            };

            StateGetMany.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                if (message.keys != null && message.keys.length)
                    for (let i = 0; i < message.keys.length; ++i)
                        writer.uint32(18).bytes(message.keys[i]);
                return writer;
            };

            StateGetMany.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateGetMany();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 2: {
                            if (!(message.keys && message.keys.length))
                                message.keys = [];
                            message.keys.push(reader.bytes());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateGetMany.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.keys != null && message.hasOwnProperty("keys")) {
                    if (!Array.isArray(message.keys))
                        return "keys: array expected";
                    for (let i = 0; i < message.keys.length; ++i)
                        if (!(message.keys[i] && typeof message.keys[i].length === "number" || $util.isString(message.keys[i])))
                            return "keys: buffer[] expected";
                }
                return null;
            };

            StateGetMany.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateGetMany)
                    return object;
                let message = new $root.troupe.v1.StateGetMany();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.keys) {
                    if (!Array.isArray(object.keys))
                        throw TypeError(".troupe.v1.StateGetMany.keys: array expected");
                    message.keys = [];
                    for (let i = 0; i < object.keys.length; ++i)
                        if (typeof object.keys[i] === "string")
                            $util.base64.decode(object.keys[i], message.keys[i] = $util.newBuffer($util.base64.length(object.keys[i])), 0);
                        else if (object.keys[i].length >= 0)
                            message.keys[i] = object.keys[i];
                }
                return message;
            };

            StateGetMany.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.keys = [];
                if (options.defaults)
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.keys && message.keys.length) {
                    object.keys = [];
                    for (let j = 0; j < message.keys.length; ++j)
                        object.keys[j] = options.bytes === String ? $util.base64.encode(message.keys[j], 0, message.keys[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.keys[j]) : message.keys[j];
                }
                return object;
            };

            StateGetMany.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateGetMany;
        })();

        v1.StateSet = (function() {

            function StateSet(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateSet.prototype.traceId = $util.newBuffer([]);
            StateSet.prototype.key = $util.newBuffer([]);
            StateSet.prototype.value = $util.newBuffer([]);
            StateSet.prototype.ttlMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StateSet.prototype.expectedRevision = null;

            let $oneOfFields;

            Object.defineProperty(StateSet.prototype, "_expectedRevision", {
                get: $util.oneOfGetter($oneOfFields = ["expectedRevision"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            StateSet.create = function create(properties) {
                return new StateSet(properties);
            };

            StateSet.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(18).bytes(message.key);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(26).bytes(message.value);
                if (message.ttlMs != null && Object.hasOwnProperty.call(message, "ttlMs"))
                    writer.uint32(32).uint64(message.ttlMs);
                if (message.expectedRevision != null && Object.hasOwnProperty.call(message, "expectedRevision"))
                    writer.uint32(40).uint64(message.expectedRevision);
                return writer;
            };

            StateSet.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateSet();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.key = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.value = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.ttlMs = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.expectedRevision = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateSet.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.key != null && message.hasOwnProperty("key"))
                    if (!(message.key && typeof message.key.length === "number" || $util.isString(message.key)))
                        return "key: buffer expected";
                if (message.value != null && message.hasOwnProperty("value"))
                    if (!(message.value && typeof message.value.length === "number" || $util.isString(message.value)))
                        return "value: buffer expected";
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (!$util.isInteger(message.ttlMs) && !(message.ttlMs && $util.isInteger(message.ttlMs.low) && $util.isInteger(message.ttlMs.high)))
                        return "ttlMs: integer|Long expected";
                if (message.expectedRevision != null && message.hasOwnProperty("expectedRevision")) {
                    properties._expectedRevision = 1;
                    if (!$util.isInteger(message.expectedRevision) && !(message.expectedRevision && $util.isInteger(message.expectedRevision.low) && $util.isInteger(message.expectedRevision.high)))
                        return "expectedRevision: integer|Long expected";
                }
                return null;
            };

            StateSet.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateSet)
                    return object;
                let message = new $root.troupe.v1.StateSet();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.key != null)
                    if (typeof object.key === "string")
                        $util.base64.decode(object.key, message.key = $util.newBuffer($util.base64.length(object.key)), 0);
                    else if (object.key.length >= 0)
                        message.key = object.key;
                if (object.value != null)
                    if (typeof object.value === "string")
                        $util.base64.decode(object.value, message.value = $util.newBuffer($util.base64.length(object.value)), 0);
                    else if (object.value.length >= 0)
                        message.value = object.value;
                if (object.ttlMs != null)
                    if ($util.Long)
                        (message.ttlMs = $util.Long.fromValue(object.ttlMs)).unsigned = true;
                    else if (typeof object.ttlMs === "string")
                        message.ttlMs = parseInt(object.ttlMs, 10);
                    else if (typeof object.ttlMs === "number")
                        message.ttlMs = object.ttlMs;
                    else if (typeof object.ttlMs === "object")
                        message.ttlMs = new $util.LongBits(object.ttlMs.low >>> 0, object.ttlMs.high >>> 0).toNumber(true);
                if (object.expectedRevision != null)
                    if ($util.Long)
                        (message.expectedRevision = $util.Long.fromValue(object.expectedRevision)).unsigned = true;
                    else if (typeof object.expectedRevision === "string")
                        message.expectedRevision = parseInt(object.expectedRevision, 10);
                    else if (typeof object.expectedRevision === "number")
                        message.expectedRevision = object.expectedRevision;
                    else if (typeof object.expectedRevision === "object")
                        message.expectedRevision = new $util.LongBits(object.expectedRevision.low >>> 0, object.expectedRevision.high >>> 0).toNumber(true);
                return message;
            };

            StateSet.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    if (options.bytes === String)
                        object.key = "";
                    else {
                        object.key = [];
                        if (options.bytes !== Array)
                            object.key = $util.newBuffer(object.key);
                    }
                    if (options.bytes === String)
                        object.value = "";
                    else {
                        object.value = [];
                        if (options.bytes !== Array)
                            object.value = $util.newBuffer(object.value);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.ttlMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.ttlMs = options.longs === String ? "0" : 0;
                }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.key != null && message.hasOwnProperty("key"))
                    object.key = options.bytes === String ? $util.base64.encode(message.key, 0, message.key.length) : options.bytes === Array ? Array.prototype.slice.call(message.key) : message.key;
                if (message.value != null && message.hasOwnProperty("value"))
                    object.value = options.bytes === String ? $util.base64.encode(message.value, 0, message.value.length) : options.bytes === Array ? Array.prototype.slice.call(message.value) : message.value;
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (typeof message.ttlMs === "number")
                        object.ttlMs = options.longs === String ? String(message.ttlMs) : message.ttlMs;
                    else
                        object.ttlMs = options.longs === String ? $util.Long.prototype.toString.call(message.ttlMs) : options.longs === Number ? new $util.LongBits(message.ttlMs.low >>> 0, message.ttlMs.high >>> 0).toNumber(true) : message.ttlMs;
                if (message.expectedRevision != null && message.hasOwnProperty("expectedRevision")) {
                    if (typeof message.expectedRevision === "number")
                        object.expectedRevision = options.longs === String ? String(message.expectedRevision) : message.expectedRevision;
                    else
                        object.expectedRevision = options.longs === String ? $util.Long.prototype.toString.call(message.expectedRevision) : options.longs === Number ? new $util.LongBits(message.expectedRevision.low >>> 0, message.expectedRevision.high >>> 0).toNumber(true) : message.expectedRevision;
                    if (options.oneofs)
                        object._expectedRevision = "expectedRevision";
                }
                return object;
            };

            StateSet.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateSet;
        })();

        v1.StateEntry = (function() {

            function StateEntry(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateEntry.prototype.key = $util.newBuffer([]);
            StateEntry.prototype.value = $util.newBuffer([]);
            StateEntry.prototype.expectedRevision = null;

            let $oneOfFields;

            Object.defineProperty(StateEntry.prototype, "_expectedRevision", {
                get: $util.oneOfGetter($oneOfFields = ["expectedRevision"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            StateEntry.create = function create(properties) {
                return new StateEntry(properties);
            };

            StateEntry.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(10).bytes(message.key);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(18).bytes(message.value);
                if (message.expectedRevision != null && Object.hasOwnProperty.call(message, "expectedRevision"))
                    writer.uint32(24).uint64(message.expectedRevision);
                return writer;
            };

            StateEntry.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateEntry();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.key = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.value = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.expectedRevision = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateEntry.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.key != null && message.hasOwnProperty("key"))
                    if (!(message.key && typeof message.key.length === "number" || $util.isString(message.key)))
                        return "key: buffer expected";
                if (message.value != null && message.hasOwnProperty("value"))
                    if (!(message.value && typeof message.value.length === "number" || $util.isString(message.value)))
                        return "value: buffer expected";
                if (message.expectedRevision != null && message.hasOwnProperty("expectedRevision")) {
                    properties._expectedRevision = 1;
                    if (!$util.isInteger(message.expectedRevision) && !(message.expectedRevision && $util.isInteger(message.expectedRevision.low) && $util.isInteger(message.expectedRevision.high)))
                        return "expectedRevision: integer|Long expected";
                }
                return null;
            };

            StateEntry.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateEntry)
                    return object;
                let message = new $root.troupe.v1.StateEntry();
                if (object.key != null)
                    if (typeof object.key === "string")
                        $util.base64.decode(object.key, message.key = $util.newBuffer($util.base64.length(object.key)), 0);
                    else if (object.key.length >= 0)
                        message.key = object.key;
                if (object.value != null)
                    if (typeof object.value === "string")
                        $util.base64.decode(object.value, message.value = $util.newBuffer($util.base64.length(object.value)), 0);
                    else if (object.value.length >= 0)
                        message.value = object.value;
                if (object.expectedRevision != null)
                    if ($util.Long)
                        (message.expectedRevision = $util.Long.fromValue(object.expectedRevision)).unsigned = true;
                    else if (typeof object.expectedRevision === "string")
                        message.expectedRevision = parseInt(object.expectedRevision, 10);
                    else if (typeof object.expectedRevision === "number")
                        message.expectedRevision = object.expectedRevision;
                    else if (typeof object.expectedRevision === "object")
                        message.expectedRevision = new $util.LongBits(object.expectedRevision.low >>> 0, object.expectedRevision.high >>> 0).toNumber(true);
                return message;
            };

            StateEntry.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.key = "";
                    else {
                        object.key = [];
                        if (options.bytes !== Array)
                            object.key = $util.newBuffer(object.key);
                    }
                    if (options.bytes === String)
                        object.value = "";
                    else {
                        object.value = [];
                        if (options.bytes !== Array)
                            object.value = $util.newBuffer(object.value);
                    }
                }
                if (message.key != null && message.hasOwnProperty("key"))
                    object.key = options.bytes === String ? $util.base64.encode(message.key, 0, message.key.length) : options.bytes === Array ? Array.prototype.slice.call(message.key) : message.key;
                if (message.value != null && message.hasOwnProperty("value"))
                    object.value = options.bytes === String ? $util.base64.encode(message.value, 0, message.value.length) : options.bytes === Array ? Array.prototype.slice.call(message.value) : message.value;
                if (message.expectedRevision != null && message.hasOwnProperty("expectedRevision")) {
                    if (typeof message.expectedRevision === "number")
                        object.expectedRevision = options.longs === String ? String(message.expectedRevision) : message.expectedRevision;
                    else
                        object.expectedRevision = options.longs === String ? $util.Long.prototype.toString.call(message.expectedRevision) : options.longs === Number ? new $util.LongBits(message.expectedRevision.low >>> 0, message.expectedRevision.high >>> 0).toNumber(true) : message.expectedRevision;
                    if (options.oneofs)
                        object._expectedRevision = "expectedRevision";
                }
                return object;
            };

            StateEntry.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateEntry;
        })();

        v1.StateSetMany = (function() {

            function StateSetMany(properties) {
                this.entries = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateSetMany.prototype.traceId = $util.newBuffer([]);
            StateSetMany.prototype.entries = $util.emptyArray;
            StateSetMany.prototype.ttlMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            StateSetMany.create = function create(properties) {
                return new StateSetMany(properties);
            };

            StateSetMany.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.troupe.v1.StateEntry.encode(message.entries[i], writer.uint32(18).fork()).ldelim();
                if (message.ttlMs != null && Object.hasOwnProperty.call(message, "ttlMs"))
                    writer.uint32(24).uint64(message.ttlMs);
                return writer;
            };

            StateSetMany.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateSetMany();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 2: {
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.troupe.v1.StateEntry.decode(reader, reader.uint32()));
                            break;
                        }
                    case 3: {
                            message.ttlMs = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateSetMany.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.entries != null && message.hasOwnProperty("entries")) {
                    if (!Array.isArray(message.entries))
                        return "entries: array expected";
                    for (let i = 0; i < message.entries.length; ++i) {
                        let error = $root.troupe.v1.StateEntry.verify(message.entries[i]);
                        if (error)
                            return "entries." + error;
                    }
                }
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (!$util.isInteger(message.ttlMs) && !(message.ttlMs && $util.isInteger(message.ttlMs.low) && $util.isInteger(message.ttlMs.high)))
                        return "ttlMs: integer|Long expected";
                return null;
            };

            StateSetMany.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateSetMany)
                    return object;
                let message = new $root.troupe.v1.StateSetMany();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.entries) {
                    if (!Array.isArray(object.entries))
                        throw TypeError(".troupe.v1.StateSetMany.entries: array expected");
                    message.entries = [];
                    for (let i = 0; i < object.entries.length; ++i) {
                        if (typeof object.entries[i] !== "object")
                            throw TypeError(".troupe.v1.StateSetMany.entries: object expected");
                        message.entries[i] = $root.troupe.v1.StateEntry.fromObject(object.entries[i]);
                    }
                }
                if (object.ttlMs != null)
                    if ($util.Long)
                        (message.ttlMs = $util.Long.fromValue(object.ttlMs)).unsigned = true;
                    else if (typeof object.ttlMs === "string")
                        message.ttlMs = parseInt(object.ttlMs, 10);
                    else if (typeof object.ttlMs === "number")
                        message.ttlMs = object.ttlMs;
                    else if (typeof object.ttlMs === "object")
                        message.ttlMs = new $util.LongBits(object.ttlMs.low >>> 0, object.ttlMs.high >>> 0).toNumber(true);
                return message;
            };

            StateSetMany.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.entries = [];
                if (options.defaults) {
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.ttlMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.ttlMs = options.longs === String ? "0" : 0;
                }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.entries && message.entries.length) {
                    object.entries = [];
                    for (let j = 0; j < message.entries.length; ++j)
                        object.entries[j] = $root.troupe.v1.StateEntry.toObject(message.entries[j], options);
                }
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (typeof message.ttlMs === "number")
                        object.ttlMs = options.longs === String ? String(message.ttlMs) : message.ttlMs;
                    else
                        object.ttlMs = options.longs === String ? $util.Long.prototype.toString.call(message.ttlMs) : options.longs === Number ? new $util.LongBits(message.ttlMs.low >>> 0, message.ttlMs.high >>> 0).toNumber(true) : message.ttlMs;
                return object;
            };

            StateSetMany.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateSetMany;
        })();

        v1.StateDelete = (function() {

            function StateDelete(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateDelete.prototype.traceId = $util.newBuffer([]);
            StateDelete.prototype.key = $util.newBuffer([]);
            StateDelete.prototype.expectedRevision = null;

            let $oneOfFields;

            Object.defineProperty(StateDelete.prototype, "_expectedRevision", {
                get: $util.oneOfGetter($oneOfFields = ["expectedRevision"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            StateDelete.create = function create(properties) {
                return new StateDelete(properties);
            };

            StateDelete.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(18).bytes(message.key);
                if (message.expectedRevision != null && Object.hasOwnProperty.call(message, "expectedRevision"))
                    writer.uint32(24).uint64(message.expectedRevision);
                return writer;
            };

            StateDelete.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateDelete();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.key = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.expectedRevision = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateDelete.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.key != null && message.hasOwnProperty("key"))
                    if (!(message.key && typeof message.key.length === "number" || $util.isString(message.key)))
                        return "key: buffer expected";
                if (message.expectedRevision != null && message.hasOwnProperty("expectedRevision")) {
                    properties._expectedRevision = 1;
                    if (!$util.isInteger(message.expectedRevision) && !(message.expectedRevision && $util.isInteger(message.expectedRevision.low) && $util.isInteger(message.expectedRevision.high)))
                        return "expectedRevision: integer|Long expected";
                }
                return null;
            };

            StateDelete.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateDelete)
                    return object;
                let message = new $root.troupe.v1.StateDelete();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.key != null)
                    if (typeof object.key === "string")
                        $util.base64.decode(object.key, message.key = $util.newBuffer($util.base64.length(object.key)), 0);
                    else if (object.key.length >= 0)
                        message.key = object.key;
                if (object.expectedRevision != null)
                    if ($util.Long)
                        (message.expectedRevision = $util.Long.fromValue(object.expectedRevision)).unsigned = true;
                    else if (typeof object.expectedRevision === "string")
                        message.expectedRevision = parseInt(object.expectedRevision, 10);
                    else if (typeof object.expectedRevision === "number")
                        message.expectedRevision = object.expectedRevision;
                    else if (typeof object.expectedRevision === "object")
                        message.expectedRevision = new $util.LongBits(object.expectedRevision.low >>> 0, object.expectedRevision.high >>> 0).toNumber(true);
                return message;
            };

            StateDelete.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    if (options.bytes === String)
                        object.key = "";
                    else {
                        object.key = [];
                        if (options.bytes !== Array)
                            object.key = $util.newBuffer(object.key);
                    }
                }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.key != null && message.hasOwnProperty("key"))
                    object.key = options.bytes === String ? $util.base64.encode(message.key, 0, message.key.length) : options.bytes === Array ? Array.prototype.slice.call(message.key) : message.key;
                if (message.expectedRevision != null && message.hasOwnProperty("expectedRevision")) {
                    if (typeof message.expectedRevision === "number")
                        object.expectedRevision = options.longs === String ? String(message.expectedRevision) : message.expectedRevision;
                    else
                        object.expectedRevision = options.longs === String ? $util.Long.prototype.toString.call(message.expectedRevision) : options.longs === Number ? new $util.LongBits(message.expectedRevision.low >>> 0, message.expectedRevision.high >>> 0).toNumber(true) : message.expectedRevision;
                    if (options.oneofs)
                        object._expectedRevision = "expectedRevision";
                }
                return object;
            };

            StateDelete.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateDelete;
        })();

        v1.StateKeys = (function() {

            function StateKeys(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateKeys.prototype.traceId = $util.newBuffer([]);

            StateKeys.create = function create(properties) {
                return new StateKeys(properties);
            };

            StateKeys.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                return writer;
            };

            StateKeys.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateKeys();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateKeys.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                return null;
            };

            StateKeys.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateKeys)
                    return object;
                let message = new $root.troupe.v1.StateKeys();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                return message;
            };

            StateKeys.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                return object;
            };

            StateKeys.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateKeys;
        })();

        v1.StateClear = (function() {

            function StateClear(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateClear.prototype.traceId = $util.newBuffer([]);

            StateClear.create = function create(properties) {
                return new StateClear(properties);
            };

            StateClear.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                return writer;
            };

            StateClear.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateClear();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateClear.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                return null;
            };

            StateClear.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateClear)
                    return object;
                let message = new $root.troupe.v1.StateClear();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                return message;
            };

            StateClear.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                return object;
            };

            StateClear.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateClear;
        })();

        v1.StateGetGroup = (function() {

            function StateGetGroup(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateGetGroup.prototype.traceId = $util.newBuffer([]);

            StateGetGroup.create = function create(properties) {
                return new StateGetGroup(properties);
            };

            StateGetGroup.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(10).bytes(message.traceId);
                return writer;
            };

            StateGetGroup.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateGetGroup();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateGetGroup.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                return null;
            };

            StateGetGroup.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateGetGroup)
                    return object;
                let message = new $root.troupe.v1.StateGetGroup();
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                return message;
            };

            StateGetGroup.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                return object;
            };

            StateGetGroup.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateGetGroup;
        })();

        v1.StateTraceIds = (function() {

            function StateTraceIds(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateTraceIds.create = function create(properties) {
                return new StateTraceIds(properties);
            };

            StateTraceIds.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                return writer;
            };

            StateTraceIds.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateTraceIds();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateTraceIds.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                return null;
            };

            StateTraceIds.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateTraceIds)
                    return object;
                return new $root.troupe.v1.StateTraceIds();
            };

            StateTraceIds.toObject = function toObject() {
                return {};
            };

            StateTraceIds.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateTraceIds;
        })();

        v1.FilterOp = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "FILTER_UNSPECIFIED"] = 0;
            values[valuesById[1] = "EQ"] = 1;
            values[valuesById[2] = "NEQ"] = 2;
            values[valuesById[3] = "GT"] = 3;
            values[valuesById[4] = "GTE"] = 4;
            values[valuesById[5] = "LT"] = 5;
            values[valuesById[6] = "LTE"] = 6;
            values[valuesById[7] = "CONTAINS"] = 7;
            values[valuesById[8] = "NOT_CONTAINS"] = 8;
            values[valuesById[9] = "STARTS_WITH"] = 9;
            values[valuesById[10] = "ENDS_WITH"] = 10;
            values[valuesById[11] = "IS_NOT_NULL"] = 11;
            values[valuesById[12] = "IS_NULL"] = 12;
            return values;
        })();

        v1.StateFilter = (function() {

            function StateFilter(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateFilter.prototype.valueKey = $util.newBuffer([]);
            StateFilter.prototype.op = 0;
            StateFilter.prototype.value = $util.newBuffer([]);

            StateFilter.create = function create(properties) {
                return new StateFilter(properties);
            };

            StateFilter.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.valueKey != null && Object.hasOwnProperty.call(message, "valueKey"))
                    writer.uint32(10).bytes(message.valueKey);
                if (message.op != null && Object.hasOwnProperty.call(message, "op"))
                    writer.uint32(16).int32(message.op);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(26).bytes(message.value);
                return writer;
            };

            StateFilter.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateFilter();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.valueKey = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.op = reader.int32();
                            break;
                        }
                    case 3: {
                            message.value = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateFilter.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.valueKey != null && message.hasOwnProperty("valueKey"))
                    if (!(message.valueKey && typeof message.valueKey.length === "number" || $util.isString(message.valueKey)))
                        return "valueKey: buffer expected";
                if (message.op != null && message.hasOwnProperty("op"))
                    switch (message.op) {
                    default:
                        return "op: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                    case 4:
                    case 5:
                    case 6:
                    case 7:
                    case 8:
                    case 9:
                    case 10:
                    case 11:
                    case 12:
                        break;
                    }
                if (message.value != null && message.hasOwnProperty("value"))
                    if (!(message.value && typeof message.value.length === "number" || $util.isString(message.value)))
                        return "value: buffer expected";
                return null;
            };

            StateFilter.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateFilter)
                    return object;
                let message = new $root.troupe.v1.StateFilter();
                if (object.valueKey != null)
                    if (typeof object.valueKey === "string")
                        $util.base64.decode(object.valueKey, message.valueKey = $util.newBuffer($util.base64.length(object.valueKey)), 0);
                    else if (object.valueKey.length >= 0)
                        message.valueKey = object.valueKey;
                switch (object.op) {
                default:
                    if (typeof object.op === "number") {
                        message.op = object.op;
                        break;
                    }
                    break;
                case "FILTER_UNSPECIFIED":
                case 0:
                    message.op = 0;
                    break;
                case "EQ":
                case 1:
                    message.op = 1;
                    break;
                case "NEQ":
                case 2:
                    message.op = 2;
                    break;
                case "GT":
                case 3:
                    message.op = 3;
                    break;
                case "GTE":
                case 4:
                    message.op = 4;
                    break;
                case "LT":
                case 5:
                    message.op = 5;
                    break;
                case "LTE":
                case 6:
                    message.op = 6;
                    break;
                case "CONTAINS":
                case 7:
                    message.op = 7;
                    break;
                case "NOT_CONTAINS":
                case 8:
                    message.op = 8;
                    break;
                case "STARTS_WITH":
                case 9:
                    message.op = 9;
                    break;
                case "ENDS_WITH":
                case 10:
                    message.op = 10;
                    break;
                case "IS_NOT_NULL":
                case 11:
                    message.op = 11;
                    break;
                case "IS_NULL":
                case 12:
                    message.op = 12;
                    break;
                }
                if (object.value != null)
                    if (typeof object.value === "string")
                        $util.base64.decode(object.value, message.value = $util.newBuffer($util.base64.length(object.value)), 0);
                    else if (object.value.length >= 0)
                        message.value = object.value;
                return message;
            };

            StateFilter.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.valueKey = "";
                    else {
                        object.valueKey = [];
                        if (options.bytes !== Array)
                            object.valueKey = $util.newBuffer(object.valueKey);
                    }
                    object.op = options.enums === String ? "FILTER_UNSPECIFIED" : 0;
                    if (options.bytes === String)
                        object.value = "";
                    else {
                        object.value = [];
                        if (options.bytes !== Array)
                            object.value = $util.newBuffer(object.value);
                    }
                }
                if (message.valueKey != null && message.hasOwnProperty("valueKey"))
                    object.valueKey = options.bytes === String ? $util.base64.encode(message.valueKey, 0, message.valueKey.length) : options.bytes === Array ? Array.prototype.slice.call(message.valueKey) : message.valueKey;
                if (message.op != null && message.hasOwnProperty("op"))
                    object.op = options.enums === String ? $root.troupe.v1.FilterOp[message.op] === undefined ? message.op : $root.troupe.v1.FilterOp[message.op] : message.op;
                if (message.value != null && message.hasOwnProperty("value"))
                    object.value = options.bytes === String ? $util.base64.encode(message.value, 0, message.value.length) : options.bytes === Array ? Array.prototype.slice.call(message.value) : message.value;
                return object;
            };

            StateFilter.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateFilter;
        })();

        v1.StateItems = (function() {

            function StateItems(properties) {
                this.filters = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateItems.prototype.groupId = null;
            StateItems.prototype.filters = $util.emptyArray;

            let $oneOfFields;

            Object.defineProperty(StateItems.prototype, "_groupId", {
                get: $util.oneOfGetter($oneOfFields = ["groupId"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            StateItems.create = function create(properties) {
                return new StateItems(properties);
            };

            StateItems.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(10).bytes(message.groupId);
                if (message.filters != null && message.filters.length)
                    for (let i = 0; i < message.filters.length; ++i)
                        $root.troupe.v1.StateFilter.encode(message.filters[i], writer.uint32(18).fork()).ldelim();
                return writer;
            };

            StateItems.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateItems();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 2: {
                            if (!(message.filters && message.filters.length))
                                message.filters = [];
                            message.filters.push($root.troupe.v1.StateFilter.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateItems.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.groupId != null && message.hasOwnProperty("groupId")) {
                    properties._groupId = 1;
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                }
                if (message.filters != null && message.hasOwnProperty("filters")) {
                    if (!Array.isArray(message.filters))
                        return "filters: array expected";
                    for (let i = 0; i < message.filters.length; ++i) {
                        let error = $root.troupe.v1.StateFilter.verify(message.filters[i]);
                        if (error)
                            return "filters." + error;
                    }
                }
                return null;
            };

            StateItems.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateItems)
                    return object;
                let message = new $root.troupe.v1.StateItems();
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.filters) {
                    if (!Array.isArray(object.filters))
                        throw TypeError(".troupe.v1.StateItems.filters: array expected");
                    message.filters = [];
                    for (let i = 0; i < object.filters.length; ++i) {
                        if (typeof object.filters[i] !== "object")
                            throw TypeError(".troupe.v1.StateItems.filters: object expected");
                        message.filters[i] = $root.troupe.v1.StateFilter.fromObject(object.filters[i]);
                    }
                }
                return message;
            };

            StateItems.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.filters = [];
                if (message.groupId != null && message.hasOwnProperty("groupId")) {
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                    if (options.oneofs)
                        object._groupId = "groupId";
                }
                if (message.filters && message.filters.length) {
                    object.filters = [];
                    for (let j = 0; j < message.filters.length; ++j)
                        object.filters[j] = $root.troupe.v1.StateFilter.toObject(message.filters[j], options);
                }
                return object;
            };

            StateItems.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateItems;
        })();

        v1.Ping = (function() {

            function Ping(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Ping.prototype.payload = $util.newBuffer([]);

            Ping.create = function create(properties) {
                return new Ping(properties);
            };

            Ping.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.payload != null && Object.hasOwnProperty.call(message, "payload"))
                    writer.uint32(10).bytes(message.payload);
                return writer;
            };

            Ping.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Ping();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.payload = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Ping.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.payload != null && message.hasOwnProperty("payload"))
                    if (!(message.payload && typeof message.payload.length === "number" || $util.isString(message.payload)))
                        return "payload: buffer expected";
                return null;
            };

            Ping.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Ping)
                    return object;
                let message = new $root.troupe.v1.Ping();
                if (object.payload != null)
                    if (typeof object.payload === "string")
                        $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                    else if (object.payload.length >= 0)
                        message.payload = object.payload;
                return message;
            };

            Ping.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if (options.bytes === String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                if (message.payload != null && message.hasOwnProperty("payload"))
                    object.payload = options.bytes === String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === Array ? Array.prototype.slice.call(message.payload) : message.payload;
                return object;
            };

            Ping.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Ping;
        })();

        v1.StreamGet = (function() {

            function StreamGet(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamGet.prototype.stream = $util.newBuffer([]);
            StreamGet.prototype.groupId = $util.newBuffer([]);
            StreamGet.prototype.id = $util.newBuffer([]);

            StreamGet.create = function create(properties) {
                return new StreamGet(properties);
            };

            StreamGet.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(26).bytes(message.id);
                return writer;
            };

            StreamGet.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamGet();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.id = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamGet.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.id != null && message.hasOwnProperty("id"))
                    if (!(message.id && typeof message.id.length === "number" || $util.isString(message.id)))
                        return "id: buffer expected";
                return null;
            };

            StreamGet.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamGet)
                    return object;
                let message = new $root.troupe.v1.StreamGet();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.id != null)
                    if (typeof object.id === "string")
                        $util.base64.decode(object.id, message.id = $util.newBuffer($util.base64.length(object.id)), 0);
                    else if (object.id.length >= 0)
                        message.id = object.id;
                return message;
            };

            StreamGet.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if (options.bytes === String)
                        object.id = "";
                    else {
                        object.id = [];
                        if (options.bytes !== Array)
                            object.id = $util.newBuffer(object.id);
                    }
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.id != null && message.hasOwnProperty("id"))
                    object.id = options.bytes === String ? $util.base64.encode(message.id, 0, message.id.length) : options.bytes === Array ? Array.prototype.slice.call(message.id) : message.id;
                return object;
            };

            StreamGet.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamGet;
        })();

        v1.StreamSet = (function() {

            function StreamSet(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamSet.prototype.stream = $util.newBuffer([]);
            StreamSet.prototype.groupId = $util.newBuffer([]);
            StreamSet.prototype.id = $util.newBuffer([]);
            StreamSet.prototype.data = $util.newBuffer([]);

            StreamSet.create = function create(properties) {
                return new StreamSet(properties);
            };

            StreamSet.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(26).bytes(message.id);
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(34).bytes(message.data);
                return writer;
            };

            StreamSet.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamSet();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.id = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.data = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamSet.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.id != null && message.hasOwnProperty("id"))
                    if (!(message.id && typeof message.id.length === "number" || $util.isString(message.id)))
                        return "id: buffer expected";
                if (message.data != null && message.hasOwnProperty("data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                return null;
            };

            StreamSet.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamSet)
                    return object;
                let message = new $root.troupe.v1.StreamSet();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.id != null)
                    if (typeof object.id === "string")
                        $util.base64.decode(object.id, message.id = $util.newBuffer($util.base64.length(object.id)), 0);
                    else if (object.id.length >= 0)
                        message.id = object.id;
                if (object.data != null)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
                return message;
            };

            StreamSet.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if (options.bytes === String)
                        object.id = "";
                    else {
                        object.id = [];
                        if (options.bytes !== Array)
                            object.id = $util.newBuffer(object.id);
                    }
                    if (options.bytes === String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.id != null && message.hasOwnProperty("id"))
                    object.id = options.bytes === String ? $util.base64.encode(message.id, 0, message.id.length) : options.bytes === Array ? Array.prototype.slice.call(message.id) : message.id;
                if (message.data != null && message.hasOwnProperty("data"))
                    object.data = options.bytes === String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === Array ? Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            StreamSet.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamSet;
        })();

        v1.StreamDelete = (function() {

            function StreamDelete(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamDelete.prototype.stream = $util.newBuffer([]);
            StreamDelete.prototype.groupId = $util.newBuffer([]);
            StreamDelete.prototype.id = $util.newBuffer([]);

            StreamDelete.create = function create(properties) {
                return new StreamDelete(properties);
            };

            StreamDelete.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(26).bytes(message.id);
                return writer;
            };

            StreamDelete.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamDelete();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.id = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamDelete.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.id != null && message.hasOwnProperty("id"))
                    if (!(message.id && typeof message.id.length === "number" || $util.isString(message.id)))
                        return "id: buffer expected";
                return null;
            };

            StreamDelete.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamDelete)
                    return object;
                let message = new $root.troupe.v1.StreamDelete();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.id != null)
                    if (typeof object.id === "string")
                        $util.base64.decode(object.id, message.id = $util.newBuffer($util.base64.length(object.id)), 0);
                    else if (object.id.length >= 0)
                        message.id = object.id;
                return message;
            };

            StreamDelete.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if (options.bytes === String)
                        object.id = "";
                    else {
                        object.id = [];
                        if (options.bytes !== Array)
                            object.id = $util.newBuffer(object.id);
                    }
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.id != null && message.hasOwnProperty("id"))
                    object.id = options.bytes === String ? $util.base64.encode(message.id, 0, message.id.length) : options.bytes === Array ? Array.prototype.slice.call(message.id) : message.id;
                return object;
            };

            StreamDelete.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamDelete;
        })();

        v1.StreamGetGroup = (function() {

            function StreamGetGroup(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamGetGroup.prototype.stream = $util.newBuffer([]);
            StreamGetGroup.prototype.groupId = $util.newBuffer([]);

            StreamGetGroup.create = function create(properties) {
                return new StreamGetGroup(properties);
            };

            StreamGetGroup.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                return writer;
            };

            StreamGetGroup.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamGetGroup();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamGetGroup.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                return null;
            };

            StreamGetGroup.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamGetGroup)
                    return object;
                let message = new $root.troupe.v1.StreamGetGroup();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                return message;
            };

            StreamGetGroup.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                return object;
            };

            StreamGetGroup.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamGetGroup;
        })();

        v1.StreamClear = (function() {

            function StreamClear(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamClear.prototype.stream = $util.newBuffer([]);
            StreamClear.prototype.groupId = $util.newBuffer([]);

            StreamClear.create = function create(properties) {
                return new StreamClear(properties);
            };

            StreamClear.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                return writer;
            };

            StreamClear.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamClear();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamClear.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                return null;
            };

            StreamClear.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamClear)
                    return object;
                let message = new $root.troupe.v1.StreamClear();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                return message;
            };

            StreamClear.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                return object;
            };

            StreamClear.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamClear;
        })();

        v1.StreamQuery = (function() {

            function StreamQuery(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamQuery.prototype.stream = $util.newBuffer([]);
            StreamQuery.prototype.groupId = $util.newBuffer([]);
            StreamQuery.prototype.where = $util.newBuffer([]);
            StreamQuery.prototype.orderBy = $util.newBuffer([]);
            StreamQuery.prototype.descending = false;
            StreamQuery.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StreamQuery.prototype.limit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            StreamQuery.create = function create(properties) {
                return new StreamQuery(properties);
            };

            StreamQuery.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                if (message.where != null && Object.hasOwnProperty.call(message, "where"))
                    writer.uint32(26).bytes(message.where);
                if (message.orderBy != null && Object.hasOwnProperty.call(message, "orderBy"))
                    writer.uint32(34).bytes(message.orderBy);
                if (message.descending != null && Object.hasOwnProperty.call(message, "descending"))
                    writer.uint32(40).bool(message.descending);
                if (message.offset != null && Object.hasOwnProperty.call(message, "offset"))
                    writer.uint32(48).uint64(message.offset);
                if (message.limit != null && Object.hasOwnProperty.call(message, "limit"))
                    writer.uint32(56).uint64(message.limit);
                return writer;
            };

            StreamQuery.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamQuery();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.where = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.orderBy = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.descending = reader.bool();
                            break;
                        }
                    case 6: {
                            message.offset = reader.uint64();
                            break;
                        }
                    case 7: {
                            message.limit = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamQuery.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.where != null && message.hasOwnProperty("where"))
                    if (!(message.where && typeof message.where.length === "number" || $util.isString(message.where)))
                        return "where: buffer expected";
                if (message.orderBy != null && message.hasOwnProperty("orderBy"))
                    if (!(message.orderBy && typeof message.orderBy.length === "number" || $util.isString(message.orderBy)))
                        return "orderBy: buffer expected";
                if (message.descending != null && message.hasOwnProperty("descending"))
                    if (typeof message.descending !== "boolean")
                        return "descending: boolean expected";
                if (message.offset != null && message.hasOwnProperty("offset"))
                    if (!$util.isInteger(message.offset) && !(message.offset && $util.isInteger(message.offset.low) && $util.isInteger(message.offset.high)))
                        return "offset: integer|Long expected";
                if (message.limit != null && message.hasOwnProperty("limit"))
                    if (!$util.isInteger(message.limit) && !(message.limit && $util.isInteger(message.limit.low) && $util.isInteger(message.limit.high)))
                        return "limit: integer|Long expected";
                return null;
            };

            StreamQuery.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamQuery)
                    return object;
                let message = new $root.troupe.v1.StreamQuery();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.where != null)
                    if (typeof object.where === "string")
                        $util.base64.decode(object.where, message.where = $util.newBuffer($util.base64.length(object.where)), 0);
                    else if (object.where.length >= 0)
                        message.where = object.where;
                if (object.orderBy != null)
                    if (typeof object.orderBy === "string")
                        $util.base64.decode(object.orderBy, message.orderBy = $util.newBuffer($util.base64.length(object.orderBy)), 0);
                    else if (object.orderBy.length >= 0)
                        message.orderBy = object.orderBy;
                if (object.descending != null)
                    message.descending = Boolean(object.descending);
                if (object.offset != null)
                    if ($util.Long)
                        (message.offset = $util.Long.fromValue(object.offset)).unsigned = true;
                    else if (typeof object.offset === "string")
                        message.offset = parseInt(object.offset, 10);
                    else if (typeof object.offset === "number")
                        message.offset = object.offset;
                    else if (typeof object.offset === "object")
                        message.offset = new $util.LongBits(object.offset.low >>> 0, object.offset.high >>> 0).toNumber(true);
                if (object.limit != null)
                    if ($util.Long)
                        (message.limit = $util.Long.fromValue(object.limit)).unsigned = true;
                    else if (typeof object.limit === "string")
                        message.limit = parseInt(object.limit, 10);
                    else if (typeof object.limit === "number")
                        message.limit = object.limit;
                    else if (typeof object.limit === "object")
                        message.limit = new $util.LongBits(object.limit.low >>> 0, object.limit.high >>> 0).toNumber(true);
                return message;
            };

            StreamQuery.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if (options.bytes === String)
                        object.where = "";
                    else {
                        object.where = [];
                        if (options.bytes !== Array)
                            object.where = $util.newBuffer(object.where);
                    }
                    if (options.bytes === String)
                        object.orderBy = "";
                    else {
                        object.orderBy = [];
                        if (options.bytes !== Array)
                            object.orderBy = $util.newBuffer(object.orderBy);
                    }
                    object.descending = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.offset = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.offset = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.limit = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.limit = options.longs === String ? "0" : 0;
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.where != null && message.hasOwnProperty("where"))
                    object.where = options.bytes === String ? $util.base64.encode(message.where, 0, message.where.length) : options.bytes === Array ? Array.prototype.slice.call(message.where) : message.where;
                if (message.orderBy != null && message.hasOwnProperty("orderBy"))
                    object.orderBy = options.bytes === String ? $util.base64.encode(message.orderBy, 0, message.orderBy.length) : options.bytes === Array ? Array.prototype.slice.call(message.orderBy) : message.orderBy;
                if (message.descending != null && message.hasOwnProperty("descending"))
                    object.descending = message.descending;
                if (message.offset != null && message.hasOwnProperty("offset"))
                    if (typeof message.offset === "number")
                        object.offset = options.longs === String ? String(message.offset) : message.offset;
                    else
                        object.offset = options.longs === String ? $util.Long.prototype.toString.call(message.offset) : options.longs === Number ? new $util.LongBits(message.offset.low >>> 0, message.offset.high >>> 0).toNumber(true) : message.offset;
                if (message.limit != null && message.hasOwnProperty("limit"))
                    if (typeof message.limit === "number")
                        object.limit = options.longs === String ? String(message.limit) : message.limit;
                    else
                        object.limit = options.longs === String ? $util.Long.prototype.toString.call(message.limit) : options.longs === Number ? new $util.LongBits(message.limit.low >>> 0, message.limit.high >>> 0).toNumber(true) : message.limit;
                return object;
            };

            StreamQuery.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamQuery;
        })();

        v1.StreamListGroups = (function() {

            function StreamListGroups(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamListGroups.prototype.stream = $util.newBuffer([]);

            StreamListGroups.create = function create(properties) {
                return new StreamListGroups(properties);
            };

            StreamListGroups.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                return writer;
            };

            StreamListGroups.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamListGroups();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamListGroups.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                return null;
            };

            StreamListGroups.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamListGroups)
                    return object;
                let message = new $root.troupe.v1.StreamListGroups();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                return message;
            };

            StreamListGroups.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                return object;
            };

            StreamListGroups.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamListGroups;
        })();

        v1.StreamSubscribe = (function() {

            function StreamSubscribe(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamSubscribe.prototype.stream = $util.newBuffer([]);
            StreamSubscribe.prototype.groupId = $util.newBuffer([]);
            StreamSubscribe.prototype.id = null;
            StreamSubscribe.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            let $oneOfFields;

            Object.defineProperty(StreamSubscribe.prototype, "_id", {
                get: $util.oneOfGetter($oneOfFields = ["id"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            StreamSubscribe.create = function create(properties) {
                return new StreamSubscribe(properties);
            };

            StreamSubscribe.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(26).bytes(message.id);
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(120).uint64(message.subscriptionId);
                return writer;
            };

            StreamSubscribe.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamSubscribe();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.id = reader.bytes();
                            break;
                        }
                    case 15: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamSubscribe.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.id != null && message.hasOwnProperty("id")) {
                    properties._id = 1;
                    if (!(message.id && typeof message.id.length === "number" || $util.isString(message.id)))
                        return "id: buffer expected";
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                return null;
            };

            StreamSubscribe.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamSubscribe)
                    return object;
                let message = new $root.troupe.v1.StreamSubscribe();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.id != null)
                    if (typeof object.id === "string")
                        $util.base64.decode(object.id, message.id = $util.newBuffer($util.base64.length(object.id)), 0);
                    else if (object.id.length >= 0)
                        message.id = object.id;
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                return message;
            };

            StreamSubscribe.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.id != null && message.hasOwnProperty("id")) {
                    object.id = options.bytes === String ? $util.base64.encode(message.id, 0, message.id.length) : options.bytes === Array ? Array.prototype.slice.call(message.id) : message.id;
                    if (options.oneofs)
                        object._id = "id";
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                return object;
            };

            StreamSubscribe.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamSubscribe;
        })();

        v1.StreamUnsubscribe = (function() {

            function StreamUnsubscribe(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamUnsubscribe.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StreamUnsubscribe.prototype.stream = $util.newBuffer([]);
            StreamUnsubscribe.prototype.groupId = $util.newBuffer([]);

            StreamUnsubscribe.create = function create(properties) {
                return new StreamUnsubscribe(properties);
            };

            StreamUnsubscribe.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(8).uint64(message.subscriptionId);
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(114).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(122).bytes(message.groupId);
                return writer;
            };

            StreamUnsubscribe.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamUnsubscribe();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    case 14: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 15: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamUnsubscribe.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                return null;
            };

            StreamUnsubscribe.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamUnsubscribe)
                    return object;
                let message = new $root.troupe.v1.StreamUnsubscribe();
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                return message;
            };

            StreamUnsubscribe.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                return object;
            };

            StreamUnsubscribe.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamUnsubscribe;
        })();

        v1.StreamSend = (function() {

            function StreamSend(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamSend.prototype.stream = $util.newBuffer([]);
            StreamSend.prototype.groupId = $util.newBuffer([]);
            StreamSend.prototype.id = null;
            StreamSend.prototype.type = $util.newBuffer([]);
            StreamSend.prototype.data = $util.newBuffer([]);

            let $oneOfFields;

            Object.defineProperty(StreamSend.prototype, "_id", {
                get: $util.oneOfGetter($oneOfFields = ["id"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            StreamSend.create = function create(properties) {
                return new StreamSend(properties);
            };

            StreamSend.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(26).bytes(message.id);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(34).bytes(message.type);
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(42).bytes(message.data);
                return writer;
            };

            StreamSend.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamSend();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.id = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.type = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.data = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamSend.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.id != null && message.hasOwnProperty("id")) {
                    properties._id = 1;
                    if (!(message.id && typeof message.id.length === "number" || $util.isString(message.id)))
                        return "id: buffer expected";
                }
                if (message.type != null && message.hasOwnProperty("type"))
                    if (!(message.type && typeof message.type.length === "number" || $util.isString(message.type)))
                        return "type: buffer expected";
                if (message.data != null && message.hasOwnProperty("data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                return null;
            };

            StreamSend.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamSend)
                    return object;
                let message = new $root.troupe.v1.StreamSend();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.id != null)
                    if (typeof object.id === "string")
                        $util.base64.decode(object.id, message.id = $util.newBuffer($util.base64.length(object.id)), 0);
                    else if (object.id.length >= 0)
                        message.id = object.id;
                if (object.type != null)
                    if (typeof object.type === "string")
                        $util.base64.decode(object.type, message.type = $util.newBuffer($util.base64.length(object.type)), 0);
                    else if (object.type.length >= 0)
                        message.type = object.type;
                if (object.data != null)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
                return message;
            };

            StreamSend.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if (options.bytes === String)
                        object.type = "";
                    else {
                        object.type = [];
                        if (options.bytes !== Array)
                            object.type = $util.newBuffer(object.type);
                    }
                    if (options.bytes === String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.id != null && message.hasOwnProperty("id")) {
                    object.id = options.bytes === String ? $util.base64.encode(message.id, 0, message.id.length) : options.bytes === Array ? Array.prototype.slice.call(message.id) : message.id;
                    if (options.oneofs)
                        object._id = "id";
                }
                if (message.type != null && message.hasOwnProperty("type"))
                    object.type = options.bytes === String ? $util.base64.encode(message.type, 0, message.type.length) : options.bytes === Array ? Array.prototype.slice.call(message.type) : message.type;
                if (message.data != null && message.hasOwnProperty("data"))
                    object.data = options.bytes === String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === Array ? Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            StreamSend.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamSend;
        })();

        v1.Stats = (function() {

            function Stats(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Stats.create = function create(properties) {
                return new Stats(properties);
            };

            Stats.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                return writer;
            };

            Stats.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Stats();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Stats.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                return null;
            };

            Stats.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Stats)
                    return object;
                return new $root.troupe.v1.Stats();
            };

            Stats.toObject = function toObject() {
                return {};
            };

            Stats.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Stats;
        })();

        v1.QueueConfig = (function() {

            function QueueConfig(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            QueueConfig.prototype.type = "";
            QueueConfig.prototype.maxRetries = 0;
            QueueConfig.prototype.visibilityTimeoutMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            QueueConfig.prototype.delayMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            QueueConfig.prototype.concurrency = 0;
            QueueConfig.prototype.backoffMs = null;
            QueueConfig.prototype.exponentialBackoff = false;
            QueueConfig.prototype.messageTtlMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            QueueConfig.prototype.deadLetterExpired = false;
            QueueConfig.prototype.maxPriority = 0;

            let $oneOfFields;

            Object.defineProperty(QueueConfig.prototype, "_backoffMs", {
                get: $util.oneOfGetter($oneOfFields = ["backoffMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            QueueConfig.create = function create(properties) {
                return new QueueConfig(properties);
            };

            QueueConfig.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(10).string(message.type);
                if (message.maxRetries != null && Object.hasOwnProperty.call(message, "maxRetries"))
                    writer.uint32(16).int32(message.maxRetries);
                if (message.visibilityTimeoutMs != null && Object.hasOwnProperty.call(message, "visibilityTimeoutMs"))
                    writer.uint32(24).int64(message.visibilityTimeoutMs);
                if (message.delayMs != null && Object.hasOwnProperty.call(message, "delayMs"))
                    writer.uint32(32).int64(message.delayMs);
                if (message.concurrency != null && Object.hasOwnProperty.call(message, "concurrency"))
                    writer.uint32(40).int32(message.concurrency);
                if (message.backoffMs != null && Object.hasOwnProperty.call(message, "backoffMs"))
                    writer.uint32(48).int64(message.backoffMs);
                if (message.exponentialBackoff != null && Object.hasOwnProperty.call(message, "exponentialBackoff"))
                    writer.uint32(56).bool(message.exponentialBackoff);
                if (message.messageTtlMs != null && Object.hasOwnProperty.call(message, "messageTtlMs"))
                    writer.uint32(64).int64(message.messageTtlMs);
                if (message.deadLetterExpired != null && Object.hasOwnProperty.call(message, "deadLetterExpired"))
                    writer.uint32(72).bool(message.deadLetterExpired);
                if (message.maxPriority != null && Object.hasOwnProperty.call(message, "maxPriority"))
                    writer.uint32(80).uint32(message.maxPriority);
                return writer;
            };

            QueueConfig.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.QueueConfig();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.type = reader.string();
                            break;
                        }
                    case 2: {
                            message.maxRetries = reader.int32();
                            break;
                        }
                    case 3: {
                            message.visibilityTimeoutMs = reader.int64();
                            break;
                        }
                    case 4: {
                            message.delayMs = reader.int64();
                            break;
                        }
                    case 5: {
                            message.concurrency = reader.int32();
                            break;
                        }
                    case 6: {
                            message.backoffMs = reader.int64();
                            break;
                        }
                    case 7: {
                            message.exponentialBackoff = reader.bool();
                            break;
                        }
                    case 8: {
                            message.messageTtlMs = reader.int64();
                            break;
                        }
                    case 9: {
                            message.deadLetterExpired = reader.bool();
                            break;
                        }
                    case 10: {
                            message.maxPriority = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            QueueConfig.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.type != null && message.hasOwnProperty("type"))
                    if (!$util.isString(message.type))
                        return "type: string expected";
                if (message.maxRetries != null && message.hasOwnProperty("maxRetries"))
                    if (!$util.isInteger(message.maxRetries))
                        return "maxRetries: integer expected";
                if (message.visibilityTimeoutMs != null && message.hasOwnProperty("visibilityTimeoutMs"))
                    if (!$util.isInteger(message.visibilityTimeoutMs) && !(message.visibilityTimeoutMs && $util.isInteger(message.visibilityTimeoutMs.low) && $util.isInteger(message.visibilityTimeoutMs.high)))
                        return "visibilityTimeoutMs: integer|Long expected";
                if (message.delayMs != null && message.hasOwnProperty("delayMs"))
                    if (!$util.isInteger(message.delayMs) && !(message.delayMs && $util.isInteger(message.delayMs.low) && $util.isInteger(message.delayMs.high)))
                        return "delayMs: integer|Long expected";
                if (message.concurrency != null && message.hasOwnProperty("concurrency"))
                    if (!$util.isInteger(message.concurrency))
                        return "concurrency: integer expected";
                if (message.backoffMs != null && message.hasOwnProperty("backoffMs")) {
                    properties._backoffMs = 1;
                    if (!$util.isInteger(message.backoffMs) && !(message.backoffMs && $util.isInteger(message.backoffMs.low) && $util.isInteger(message.backoffMs.high)))
                        return "backoffMs: integer|Long expected";
                }
                if (message.exponentialBackoff != null && message.hasOwnProperty("exponentialBackoff"))
                    if (typeof message.exponentialBackoff !== "boolean")
                        return "exponentialBackoff: boolean expected";
                if (message.messageTtlMs != null && message.hasOwnProperty("messageTtlMs"))
                    if (!$util.isInteger(message.messageTtlMs) && !(message.messageTtlMs && $util.isInteger(message.messageTtlMs.low) && $util.isInteger(message.messageTtlMs.high)))
                        return "messageTtlMs: integer|Long expected";
                if (message.deadLetterExpired != null && message.hasOwnProperty("deadLetterExpired"))
                    if (typeof message.deadLetterExpired !== "boolean")
                        return "deadLetterExpired: boolean expected";
                if (message.maxPriority != null && message.hasOwnProperty("maxPriority"))
                    if (!$util.isInteger(message.maxPriority))
                        return "maxPriority: integer expected";
                return null;
            };

            QueueConfig.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.QueueConfig)
                    return object;
                let message = new $root.troupe.v1.QueueConfig();
                if (object.type != null)
                    message.type = String(object.type);
                if (object.maxRetries != null)
                    message.maxRetries = object.maxRetries | 0;
                if (object.visibilityTimeoutMs != null)
                    if ($util.Long)
                        (message.visibilityTimeoutMs = $util.Long.fromValue(object.visibilityTimeoutMs)).unsigned = false;
                    else if (typeof object.visibilityTimeoutMs === "string")
                        message.visibilityTimeoutMs = parseInt(object.visibilityTimeoutMs, 10);
                    else if (typeof object.visibilityTimeoutMs === "number")
                        message.visibilityTimeoutMs = object.visibilityTimeoutMs;
                    else if (typeof object.visibilityTimeoutMs === "object")
                        message.visibilityTimeoutMs = new $util.LongBits(object.visibilityTimeoutMs.low >>> 0, object.visibilityTimeoutMs.high >>> 0).toNumber();
                if (object.delayMs != null)
                    if ($util.Long)
                        (message.delayMs = $util.Long.fromValue(object.delayMs)).unsigned = false;
                    else if (typeof object.delayMs === "string")
                        message.delayMs = parseInt(object.delayMs, 10);
                    else if (typeof object.delayMs === "number")
                        message.delayMs = object.delayMs;
                    else if (typeof object.delayMs === "object")
                        message.delayMs = new $util.LongBits(object.delayMs.low >>> 0, object.delayMs.high >>> 0).toNumber();
                if (object.concurrency != null)
                    message.concurrency = object.concurrency | 0;
                if (object.backoffMs != null)
                    if ($util.Long)
                        (message.backoffMs = $util.Long.fromValue(object.backoffMs)).unsigned = false;
                    else if (typeof object.backoffMs === "string")
                        message.backoffMs = parseInt(object.backoffMs, 10);
                    else if (typeof object.backoffMs === "number")
                        message.backoffMs = object.backoffMs;
                    else if (typeof object.backoffMs === "object")
                        message.backoffMs = new $util.LongBits(object.backoffMs.low >>> 0, object.backoffMs.high >>> 0).toNumber();
                if (object.exponentialBackoff != null)
                    message.exponentialBackoff = Boolean(object.exponentialBackoff);
                if (object.messageTtlMs != null)
                    if ($util.Long)
                        (message.messageTtlMs = $util.Long.fromValue(object.messageTtlMs)).unsigned = false;
                    else if (typeof object.messageTtlMs === "string")
                        message.messageTtlMs = parseInt(object.messageTtlMs, 10);
                    else if (typeof object.messageTtlMs === "number")
                        message.messageTtlMs = object.messageTtlMs;
                    else if (typeof object.messageTtlMs === "object")
                        message.messageTtlMs = new $util.LongBits(object.messageTtlMs.low >>> 0, object.messageTtlMs.high >>> 0).toNumber();
                if (object.deadLetterExpired != null)
                    message.deadLetterExpired = Boolean(object.deadLetterExpired);
                if (object.maxPriority != null)
                    message.maxPriority = object.maxPriority >>> 0;
                return message;
            };

            QueueConfig.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.type = "";
                    object.maxRetries = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.visibilityTimeoutMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.visibilityTimeoutMs = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.delayMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.delayMs = options.longs === String ? "0" : 0;
                    object.concurrency = 0;
                    object.exponentialBackoff = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.messageTtlMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.messageTtlMs = options.longs === String ? "0" : 0;
                    object.deadLetterExpired = false;
                    object.maxPriority = 0;
                }
                if (message.type != null && message.hasOwnProperty("type"))
                    object.type = message.type;
                if (message.maxRetries != null && message.hasOwnProperty("maxRetries"))
                    object.maxRetries = message.maxRetries;
                if (message.visibilityTimeoutMs != null && message.hasOwnProperty("visibilityTimeoutMs"))
                    if (typeof message.visibilityTimeoutMs === "number")
                        object.visibilityTimeoutMs = options.longs === String ? String(message.visibilityTimeoutMs) : message.visibilityTimeoutMs;
                    else
                        object.visibilityTimeoutMs = options.longs === String ? $util.Long.prototype.toString.call(message.visibilityTimeoutMs) : options.longs === Number ? new $util.LongBits(message.visibilityTimeoutMs.low >>> 0, message.visibilityTimeoutMs.high >>> 0).toNumber() : message.visibilityTimeoutMs;
                if (message.delayMs != null && message.hasOwnProperty("delayMs"))
                    if (typeof message.delayMs === "number")
                        object.delayMs = options.longs === String ? String(message.delayMs) : message.delayMs;
                    else
                        object.delayMs = options.longs === String ? $util.Long.prototype.toString.call(message.delayMs) : options.longs === Number ? new $util.LongBits(message.delayMs.low >>> 0, message.delayMs.high >>> 0).toNumber() : message.delayMs;
                if (message.concurrency != null && message.hasOwnProperty("concurrency"))
                    object.concurrency = message.concurrency;
                if (message.backoffMs != null && message.hasOwnProperty("backoffMs")) {
                    if (typeof message.backoffMs === "number")
                        object.backoffMs = options.longs === String ? String(message.backoffMs) : message.backoffMs;
                    else
                        object.backoffMs = options.longs === String ? $util.Long.prototype.toString.call(message.backoffMs) : options.longs === Number ? new $util.LongBits(message.backoffMs.low >>> 0, message.backoffMs.high >>> 0).toNumber() : message.backoffMs;
                    if (options.oneofs)
                        object._backoffMs = "backoffMs";
                }
                if (message.exponentialBackoff != null && message.hasOwnProperty("exponentialBackoff"))
                    object.exponentialBackoff = message.exponentialBackoff;
                if (message.messageTtlMs != null && message.hasOwnProperty("messageTtlMs"))
                    if (typeof message.messageTtlMs === "number")
                        object.messageTtlMs = options.longs === String ? String(message.messageTtlMs) : message.messageTtlMs;
                    else
                        object.messageTtlMs = options.longs === String ? $util.Long.prototype.toString.call(message.messageTtlMs) : options.longs === Number ? new $util.LongBits(message.messageTtlMs.low >>> 0, message.messageTtlMs.high >>> 0).toNumber() : message.messageTtlMs;
                if (message.deadLetterExpired != null && message.hasOwnProperty("deadLetterExpired"))
                    object.deadLetterExpired = message.deadLetterExpired;
                if (message.maxPriority != null && message.hasOwnProperty("maxPriority"))
                    object.maxPriority = message.maxPriority;
                return object;
            };

            QueueConfig.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QueueConfig;
        })();

        v1.EmitEntry = (function() {

            function EmitEntry(properties) {
                this.flows = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EmitEntry.prototype.data = $util.newBuffer([]);
            EmitEntry.prototype.traceId = $util.newBuffer([]);
            EmitEntry.prototype.flows = $util.emptyArray;
            EmitEntry.prototype.messageGroupId = null;
            EmitEntry.prototype.idempotencyKey = $util.newBuffer([]);
            EmitEntry.prototype.opaque = false;
            EmitEntry.prototype.expiresInMs = null;
            EmitEntry.prototype.priority = 0;
            EmitEntry.prototype.step = $util.newBuffer([]);
            EmitEntry.prototype.delayMs = null;
            EmitEntry.prototype.attemptsMade = 0;
            EmitEntry.prototype.lastError = "";
            EmitEntry.prototype.dead = false;

            let $oneOfFields;

            Object.defineProperty(EmitEntry.prototype, "_messageGroupId", {
                get: $util.oneOfGetter($oneOfFields = ["messageGroupId"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Object.defineProperty(EmitEntry.prototype, "_expiresInMs", {
                get: $util.oneOfGetter($oneOfFields = ["expiresInMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Object.defineProperty(EmitEntry.prototype, "_delayMs", {
                get: $util.oneOfGetter($oneOfFields = ["delayMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            EmitEntry.create = function create(properties) {
                return new EmitEntry(properties);
            };

            EmitEntry.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(10).bytes(message.data);
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(18).bytes(message.traceId);
                if (message.flows != null && message.flows.length)
                    for (let i = 0; i < message.flows.length; ++i)
                        writer.uint32(26).bytes(message.flows[i]);
                if (message.messageGroupId != null && Object.hasOwnProperty.call(message, "messageGroupId"))
                    writer.uint32(34).bytes(message.messageGroupId);
                if (message.idempotencyKey != null && Object.hasOwnProperty.call(message, "idempotencyKey"))
                    writer.uint32(42).bytes(message.idempotencyKey);
                if (message.opaque != null && Object.hasOwnProperty.call(message, "opaque"))
                    writer.uint32(48).bool(message.opaque);
                if (message.expiresInMs != null && Object.hasOwnProperty.call(message, "expiresInMs"))
                    writer.uint32(56).int64(message.expiresInMs);
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    writer.uint32(64).uint32(message.priority);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(74).bytes(message.step);
                if (message.delayMs != null && Object.hasOwnProperty.call(message, "delayMs"))
                    writer.uint32(80).int64(message.delayMs);
                if (message.attemptsMade != null && Object.hasOwnProperty.call(message, "attemptsMade"))
                    writer.uint32(88).uint32(message.attemptsMade);
                if (message.lastError != null && Object.hasOwnProperty.call(message, "lastError"))
                    writer.uint32(98).string(message.lastError);
                if (message.dead != null && Object.hasOwnProperty.call(message, "dead"))
                    writer.uint32(104).bool(message.dead);
                return writer;
            };

            EmitEntry.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EmitEntry();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 3: {
                            if (!(message.flows && message.flows.length))
                                message.flows = [];
                            message.flows.push(reader.bytes());
                            break;
                        }
                    case 4: {
                            message.messageGroupId = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.idempotencyKey = reader.bytes();
                            break;
                        }
                    case 6: {
                            message.opaque = reader.bool();
                            break;
                        }
                    case 7: {
                            message.expiresInMs = reader.int64();
                            break;
                        }
                    case 8: {
                            message.priority = reader.uint32();
                            break;
                        }
                    case 9: {
                            message.step = reader.bytes();
                            break;
                        }
                    case 10: {
                            message.delayMs = reader.int64();
                            break;
                        }
                    case 11: {
                            message.attemptsMade = reader.uint32();
                            break;
                        }
                    case 12: {
                            message.lastError = reader.string();
                            break;
                        }
                    case 13: {
                            message.dead = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EmitEntry.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.data != null && message.hasOwnProperty("data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.flows != null && message.hasOwnProperty("flows")) {
                    if (!Array.isArray(message.flows))
                        return "flows: array expected";
                    for (let i = 0; i < message.flows.length; ++i)
                        if (!(message.flows[i] && typeof message.flows[i].length === "number" || $util.isString(message.flows[i])))
                            return "flows: buffer[] expected";
                }
                if (message.messageGroupId != null && message.hasOwnProperty("messageGroupId")) {
                    properties._messageGroupId = 1;
                    if (!(message.messageGroupId && typeof message.messageGroupId.length === "number" || $util.isString(message.messageGroupId)))
                        return "messageGroupId: buffer expected";
                }
                if (message.idempotencyKey != null && message.hasOwnProperty("idempotencyKey"))
                    if (!(message.idempotencyKey && typeof message.idempotencyKey.length === "number" || $util.isString(message.idempotencyKey)))
                        return "idempotencyKey: buffer expected";
                if (message.opaque != null && message.hasOwnProperty("opaque"))
                    if (typeof message.opaque !== "boolean")
                        return "opaque: boolean expected";
                if (message.expiresInMs != null && message.hasOwnProperty("expiresInMs")) {
                    properties._expiresInMs = 1;
                    if (!$util.isInteger(message.expiresInMs) && !(message.expiresInMs && $util.isInteger(message.expiresInMs.low) && $util.isInteger(message.expiresInMs.high)))
                        return "expiresInMs: integer|Long expected";
                }
                if (message.priority != null && message.hasOwnProperty("priority"))
                    if (!$util.isInteger(message.priority))
                        return "priority: integer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                if (message.delayMs != null && message.hasOwnProperty("delayMs")) {
                    properties._delayMs = 1;
                    if (!$util.isInteger(message.delayMs) && !(message.delayMs && $util.isInteger(message.delayMs.low) && $util.isInteger(message.delayMs.high)))
                        return "delayMs: integer|Long expected";
                }
                if (message.attemptsMade != null && message.hasOwnProperty("attemptsMade"))
                    if (!$util.isInteger(message.attemptsMade))
                        return "attemptsMade: integer expected";
                if (message.lastError != null && message.hasOwnProperty("lastError"))
                    if (!$util.isString(message.lastError))
                        return "lastError: string expected";
                if (message.dead != null && message.hasOwnProperty("dead"))
                    if (typeof message.dead !== "boolean")
                        return "dead: boolean expected";
                return null;
            };

            EmitEntry.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EmitEntry)
                    return object;
                let message = new $root.troupe.v1.EmitEntry();
                if (object.data != null)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.flows) {
                    if (!Array.isArray(object.flows))
                        throw TypeError(".troupe.v1.EmitEntry.flows: array expected");
                    message.flows = [];
                    for (let i = 0; i < object.flows.length; ++i)
                        if (typeof object.flows[i] === "string")
                            $util.base64.decode(object.flows[i], message.flows[i] = $util.newBuffer($util.base64.length(object.flows[i])), 0);
                        else if (object.flows[i].length >= 0)
                            message.flows[i] = object.flows[i];
                }
                if (object.messageGroupId != null)
                    if (typeof object.messageGroupId === "string")
                        $util.base64.decode(object.messageGroupId, message.messageGroupId = $util.newBuffer($util.base64.length(object.messageGroupId)), 0);
                    else if (object.messageGroupId.length >= 0)
                        message.messageGroupId = object.messageGroupId;
                if (object.idempotencyKey != null)
                    if (typeof object.idempotencyKey === "string")
                        $util.base64.decode(object.idempotencyKey, message.idempotencyKey = $util.newBuffer($util.base64.length(object.idempotencyKey)), 0);
                    else if (object.idempotencyKey.length >= 0)
                        message.idempotencyKey = object.idempotencyKey;
                if (object.opaque != null)
                    message.opaque = Boolean(object.opaque);
                if (object.expiresInMs != null)
                    if ($util.Long)
                        (message.expiresInMs = $util.Long.fromValue(object.expiresInMs)).unsigned = false;
                    else if (typeof object.expiresInMs === "string")
                        message.expiresInMs = parseInt(object.expiresInMs, 10);
                    else if (typeof object.expiresInMs === "number")
                        message.expiresInMs = object.expiresInMs;
                    else if (typeof object.expiresInMs === "object")
                        message.expiresInMs = new $util.LongBits(object.expiresInMs.low >>> 0, object.expiresInMs.high >>> 0).toNumber();
                if (object.priority != null)
                    message.priority = object.priority >>> 0;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                if (object.delayMs != null)
                    if ($util.Long)
                        (message.delayMs = $util.Long.fromValue(object.delayMs)).unsigned = false;
                    else if (typeof object.delayMs === "string")
                        message.delayMs = parseInt(object.delayMs, 10);
                    else if (typeof object.delayMs === "number")
                        message.delayMs = object.delayMs;
                    else if (typeof object.delayMs === "object")
                        message.delayMs = new $util.LongBits(object.delayMs.low >>> 0, object.delayMs.high >>> 0).toNumber();
                if (object.attemptsMade != null)
                    message.attemptsMade = object.attemptsMade >>> 0;
                if (object.lastError != null)
                    message.lastError = String(object.lastError);
                if (object.dead != null)
                    message.dead = Boolean(object.dead);
                return message;
            };

            EmitEntry.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.flows = [];
                if (options.defaults) {
                    if (options.bytes === String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    if (options.bytes === String)
                        object.idempotencyKey = "";
                    else {
                        object.idempotencyKey = [];
                        if (options.bytes !== Array)
                            object.idempotencyKey = $util.newBuffer(object.idempotencyKey);
                    }
                    object.opaque = false;
                    object.priority = 0;
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                    object.attemptsMade = 0;
                    object.lastError = "";
                    object.dead = false;
                }
                if (message.data != null && message.hasOwnProperty("data"))
                    object.data = options.bytes === String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === Array ? Array.prototype.slice.call(message.data) : message.data;
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.flows && message.flows.length) {
                    object.flows = [];
                    for (let j = 0; j < message.flows.length; ++j)
                        object.flows[j] = options.bytes === String ? $util.base64.encode(message.flows[j], 0, message.flows[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.flows[j]) : message.flows[j];
                }
                if (message.messageGroupId != null && message.hasOwnProperty("messageGroupId")) {
                    object.messageGroupId = options.bytes === String ? $util.base64.encode(message.messageGroupId, 0, message.messageGroupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.messageGroupId) : message.messageGroupId;
                    if (options.oneofs)
                        object._messageGroupId = "messageGroupId";
                }
                if (message.idempotencyKey != null && message.hasOwnProperty("idempotencyKey"))
                    object.idempotencyKey = options.bytes === String ? $util.base64.encode(message.idempotencyKey, 0, message.idempotencyKey.length) : options.bytes === Array ? Array.prototype.slice.call(message.idempotencyKey) : message.idempotencyKey;
                if (message.opaque != null && message.hasOwnProperty("opaque"))
                    object.opaque = message.opaque;
                if (message.expiresInMs != null && message.hasOwnProperty("expiresInMs")) {
                    if (typeof message.expiresInMs === "number")
                        object.expiresInMs = options.longs === String ? String(message.expiresInMs) : message.expiresInMs;
                    else
                        object.expiresInMs = options.longs === String ? $util.Long.prototype.toString.call(message.expiresInMs) : options.longs === Number ? new $util.LongBits(message.expiresInMs.low >>> 0, message.expiresInMs.high >>> 0).toNumber() : message.expiresInMs;
                    if (options.oneofs)
                        object._expiresInMs = "expiresInMs";
                }
                if (message.priority != null && message.hasOwnProperty("priority"))
                    object.priority = message.priority;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                if (message.delayMs != null && message.hasOwnProperty("delayMs")) {
                    if (typeof message.delayMs === "number")
                        object.delayMs = options.longs === String ? String(message.delayMs) : message.delayMs;
                    else
                        object.delayMs = options.longs === String ? $util.Long.prototype.toString.call(message.delayMs) : options.longs === Number ? new $util.LongBits(message.delayMs.low >>> 0, message.delayMs.high >>> 0).toNumber() : message.delayMs;
                    if (options.oneofs)
                        object._delayMs = "delayMs";
                }
                if (message.attemptsMade != null && message.hasOwnProperty("attemptsMade"))
                    object.attemptsMade = message.attemptsMade;
                if (message.lastError != null && message.hasOwnProperty("lastError"))
                    object.lastError = message.lastError;
                if (message.dead != null && message.hasOwnProperty("dead"))
                    object.dead = message.dead;
                return object;
            };

            EmitEntry.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EmitEntry;
        })();

        v1.AmqpMessage = (function() {

            function AmqpMessage(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            AmqpMessage.prototype.exchange = $util.newBuffer([]);
            AmqpMessage.prototype.routingKey = $util.newBuffer([]);
            AmqpMessage.prototype.properties = $util.newBuffer([]);
            AmqpMessage.prototype.body = $util.newBuffer([]);

            AmqpMessage.create = function create(properties) {
                return new AmqpMessage(properties);
            };

            AmqpMessage.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.exchange != null && Object.hasOwnProperty.call(message, "exchange"))
                    writer.uint32(10).bytes(message.exchange);
                if (message.routingKey != null && Object.hasOwnProperty.call(message, "routingKey"))
                    writer.uint32(18).bytes(message.routingKey);
                if (message.properties != null && Object.hasOwnProperty.call(message, "properties"))
                    writer.uint32(26).bytes(message.properties);
                if (message.body != null && Object.hasOwnProperty.call(message, "body"))
                    writer.uint32(34).bytes(message.body);
                return writer;
            };

            AmqpMessage.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.AmqpMessage();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.exchange = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.routingKey = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.properties = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.body = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            AmqpMessage.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.exchange != null && message.hasOwnProperty("exchange"))
                    if (!(message.exchange && typeof message.exchange.length === "number" || $util.isString(message.exchange)))
                        return "exchange: buffer expected";
                if (message.routingKey != null && message.hasOwnProperty("routingKey"))
                    if (!(message.routingKey && typeof message.routingKey.length === "number" || $util.isString(message.routingKey)))
                        return "routingKey: buffer expected";
                if (message.properties != null && message.hasOwnProperty("properties"))
                    if (!(message.properties && typeof message.properties.length === "number" || $util.isString(message.properties)))
                        return "properties: buffer expected";
                if (message.body != null && message.hasOwnProperty("body"))
                    if (!(message.body && typeof message.body.length === "number" || $util.isString(message.body)))
                        return "body: buffer expected";
                return null;
            };

            AmqpMessage.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.AmqpMessage)
                    return object;
                let message = new $root.troupe.v1.AmqpMessage();
                if (object.exchange != null)
                    if (typeof object.exchange === "string")
                        $util.base64.decode(object.exchange, message.exchange = $util.newBuffer($util.base64.length(object.exchange)), 0);
                    else if (object.exchange.length >= 0)
                        message.exchange = object.exchange;
                if (object.routingKey != null)
                    if (typeof object.routingKey === "string")
                        $util.base64.decode(object.routingKey, message.routingKey = $util.newBuffer($util.base64.length(object.routingKey)), 0);
                    else if (object.routingKey.length >= 0)
                        message.routingKey = object.routingKey;
                if (object.properties != null)
                    if (typeof object.properties === "string")
                        $util.base64.decode(object.properties, message.properties = $util.newBuffer($util.base64.length(object.properties)), 0);
                    else if (object.properties.length >= 0)
                        message.properties = object.properties;
                if (object.body != null)
                    if (typeof object.body === "string")
                        $util.base64.decode(object.body, message.body = $util.newBuffer($util.base64.length(object.body)), 0);
                    else if (object.body.length >= 0)
                        message.body = object.body;
                return message;
            };

            AmqpMessage.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.exchange = "";
                    else {
                        object.exchange = [];
                        if (options.bytes !== Array)
                            object.exchange = $util.newBuffer(object.exchange);
                    }
                    if (options.bytes === String)
                        object.routingKey = "";
                    else {
                        object.routingKey = [];
                        if (options.bytes !== Array)
                            object.routingKey = $util.newBuffer(object.routingKey);
                    }
                    if (options.bytes === String)
                        object.properties = "";
                    else {
                        object.properties = [];
                        if (options.bytes !== Array)
                            object.properties = $util.newBuffer(object.properties);
                    }
                    if (options.bytes === String)
                        object.body = "";
                    else {
                        object.body = [];
                        if (options.bytes !== Array)
                            object.body = $util.newBuffer(object.body);
                    }
                }
                if (message.exchange != null && message.hasOwnProperty("exchange"))
                    object.exchange = options.bytes === String ? $util.base64.encode(message.exchange, 0, message.exchange.length) : options.bytes === Array ? Array.prototype.slice.call(message.exchange) : message.exchange;
                if (message.routingKey != null && message.hasOwnProperty("routingKey"))
                    object.routingKey = options.bytes === String ? $util.base64.encode(message.routingKey, 0, message.routingKey.length) : options.bytes === Array ? Array.prototype.slice.call(message.routingKey) : message.routingKey;
                if (message.properties != null && message.hasOwnProperty("properties"))
                    object.properties = options.bytes === String ? $util.base64.encode(message.properties, 0, message.properties.length) : options.bytes === Array ? Array.prototype.slice.call(message.properties) : message.properties;
                if (message.body != null && message.hasOwnProperty("body"))
                    object.body = options.bytes === String ? $util.base64.encode(message.body, 0, message.body.length) : options.bytes === Array ? Array.prototype.slice.call(message.body) : message.body;
                return object;
            };

            AmqpMessage.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AmqpMessage;
        })();

        v1.EventEmit = (function() {

            function EventEmit(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventEmit.prototype.topic = $util.newBuffer([]);
            EventEmit.prototype.event = null;

            EventEmit.create = function create(properties) {
                return new EventEmit(properties);
            };

            EventEmit.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.event != null && Object.hasOwnProperty.call(message, "event"))
                    $root.troupe.v1.EmitEntry.encode(message.event, writer.uint32(18).fork()).ldelim();
                return writer;
            };

            EventEmit.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventEmit();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.event = $root.troupe.v1.EmitEntry.decode(reader, reader.uint32());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventEmit.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.event != null && message.hasOwnProperty("event")) {
                    let error = $root.troupe.v1.EmitEntry.verify(message.event);
                    if (error)
                        return "event." + error;
                }
                return null;
            };

            EventEmit.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventEmit)
                    return object;
                let message = new $root.troupe.v1.EventEmit();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.event != null) {
                    if (typeof object.event !== "object")
                        throw TypeError(".troupe.v1.EventEmit.event: object expected");
                    message.event = $root.troupe.v1.EmitEntry.fromObject(object.event);
                }
                return message;
            };

            EventEmit.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    object.event = null;
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.event != null && message.hasOwnProperty("event"))
                    object.event = $root.troupe.v1.EmitEntry.toObject(message.event, options);
                return object;
            };

            EventEmit.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventEmit;
        })();

        v1.EventEmitBatch = (function() {

            function EventEmitBatch(properties) {
                this.events = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventEmitBatch.prototype.topic = $util.newBuffer([]);
            EventEmitBatch.prototype.events = $util.emptyArray;

            EventEmitBatch.create = function create(properties) {
                return new EventEmitBatch(properties);
            };

            EventEmitBatch.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.events != null && message.events.length)
                    for (let i = 0; i < message.events.length; ++i)
                        $root.troupe.v1.EmitEntry.encode(message.events[i], writer.uint32(18).fork()).ldelim();
                return writer;
            };

            EventEmitBatch.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventEmitBatch();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.troupe.v1.EmitEntry.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventEmitBatch.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.events != null && message.hasOwnProperty("events")) {
                    if (!Array.isArray(message.events))
                        return "events: array expected";
                    for (let i = 0; i < message.events.length; ++i) {
                        let error = $root.troupe.v1.EmitEntry.verify(message.events[i]);
                        if (error)
                            return "events." + error;
                    }
                }
                return null;
            };

            EventEmitBatch.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventEmitBatch)
                    return object;
                let message = new $root.troupe.v1.EventEmitBatch();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.events) {
                    if (!Array.isArray(object.events))
                        throw TypeError(".troupe.v1.EventEmitBatch.events: array expected");
                    message.events = [];
                    for (let i = 0; i < object.events.length; ++i) {
                        if (typeof object.events[i] !== "object")
                            throw TypeError(".troupe.v1.EventEmitBatch.events: object expected");
                        message.events[i] = $root.troupe.v1.EmitEntry.fromObject(object.events[i]);
                    }
                }
                return message;
            };

            EventEmitBatch.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.events = [];
                if (options.defaults)
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.events && message.events.length) {
                    object.events = [];
                    for (let j = 0; j < message.events.length; ++j)
                        object.events[j] = $root.troupe.v1.EmitEntry.toObject(message.events[j], options);
                }
                return object;
            };

            EventEmitBatch.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventEmitBatch;
        })();

        v1.EventSubscribe = (function() {

            function EventSubscribe(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventSubscribe.prototype.topic = $util.newBuffer([]);
            EventSubscribe.prototype.step = $util.newBuffer([]);
            EventSubscribe.prototype.config = null;
            EventSubscribe.prototype.declareOnly = false;
            EventSubscribe.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            EventSubscribe.create = function create(properties) {
                return new EventSubscribe(properties);
            };

            EventSubscribe.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                if (message.config != null && Object.hasOwnProperty.call(message, "config"))
                    $root.troupe.v1.QueueConfig.encode(message.config, writer.uint32(26).fork()).ldelim();
                if (message.declareOnly != null && Object.hasOwnProperty.call(message, "declareOnly"))
                    writer.uint32(32).bool(message.declareOnly);
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(120).uint64(message.subscriptionId);
                return writer;
            };

            EventSubscribe.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventSubscribe();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.config = $root.troupe.v1.QueueConfig.decode(reader, reader.uint32());
                            break;
                        }
                    case 4: {
                            message.declareOnly = reader.bool();
                            break;
                        }
                    case 15: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventSubscribe.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                if (message.config != null && message.hasOwnProperty("config")) {
                    let error = $root.troupe.v1.QueueConfig.verify(message.config);
                    if (error)
                        return "config." + error;
                }
                if (message.declareOnly != null && message.hasOwnProperty("declareOnly"))
                    if (typeof message.declareOnly !== "boolean")
                        return "declareOnly: boolean expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                return null;
            };

            EventSubscribe.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventSubscribe)
                    return object;
                let message = new $root.troupe.v1.EventSubscribe();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                if (object.config != null) {
                    if (typeof object.config !== "object")
                        throw TypeError(".troupe.v1.EventSubscribe.config: object expected");
                    message.config = $root.troupe.v1.QueueConfig.fromObject(object.config);
                }
                if (object.declareOnly != null)
                    message.declareOnly = Boolean(object.declareOnly);
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                return message;
            };

            EventSubscribe.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                    object.config = null;
                    object.declareOnly = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                if (message.config != null && message.hasOwnProperty("config"))
                    object.config = $root.troupe.v1.QueueConfig.toObject(message.config, options);
                if (message.declareOnly != null && message.hasOwnProperty("declareOnly"))
                    object.declareOnly = message.declareOnly;
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                return object;
            };

            EventSubscribe.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventSubscribe;
        })();

        v1.EventUnsubscribe = (function() {

            function EventUnsubscribe(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventUnsubscribe.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            EventUnsubscribe.prototype.keepDeliveries = false;
            EventUnsubscribe.prototype.topic = $util.newBuffer([]);
            EventUnsubscribe.prototype.step = $util.newBuffer([]);

            EventUnsubscribe.create = function create(properties) {
                return new EventUnsubscribe(properties);
            };

            EventUnsubscribe.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(8).uint64(message.subscriptionId);
                if (message.keepDeliveries != null && Object.hasOwnProperty.call(message, "keepDeliveries"))
                    writer.uint32(16).bool(message.keepDeliveries);
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(114).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(122).bytes(message.step);
                return writer;
            };

            EventUnsubscribe.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventUnsubscribe();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.keepDeliveries = reader.bool();
                            break;
                        }
                    case 14: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 15: {
                            message.step = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventUnsubscribe.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                if (message.keepDeliveries != null && message.hasOwnProperty("keepDeliveries"))
                    if (typeof message.keepDeliveries !== "boolean")
                        return "keepDeliveries: boolean expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                return null;
            };

            EventUnsubscribe.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventUnsubscribe)
                    return object;
                let message = new $root.troupe.v1.EventUnsubscribe();
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                if (object.keepDeliveries != null)
                    message.keepDeliveries = Boolean(object.keepDeliveries);
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                return message;
            };

            EventUnsubscribe.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                    object.keepDeliveries = false;
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                if (message.keepDeliveries != null && message.hasOwnProperty("keepDeliveries"))
                    object.keepDeliveries = message.keepDeliveries;
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                return object;
            };

            EventUnsubscribe.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventUnsubscribe;
        })();

        v1.EventAck = (function() {

            function EventAck(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventAck.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            EventAck.prototype.messageId = $util.newBuffer([]);
            EventAck.prototype.topic = $util.newBuffer([]);
            EventAck.prototype.step = $util.newBuffer([]);

            EventAck.create = function create(properties) {
                return new EventAck(properties);
            };

            EventAck.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(8).uint64(message.subscriptionId);
                if (message.messageId != null && Object.hasOwnProperty.call(message, "messageId"))
                    writer.uint32(18).bytes(message.messageId);
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(114).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(122).bytes(message.step);
                return writer;
            };

            EventAck.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventAck();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.messageId = reader.bytes();
                            break;
                        }
                    case 14: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 15: {
                            message.step = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventAck.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                if (message.messageId != null && message.hasOwnProperty("messageId"))
                    if (!(message.messageId && typeof message.messageId.length === "number" || $util.isString(message.messageId)))
                        return "messageId: buffer expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                return null;
            };

            EventAck.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventAck)
                    return object;
                let message = new $root.troupe.v1.EventAck();
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                if (object.messageId != null)
                    if (typeof object.messageId === "string")
                        $util.base64.decode(object.messageId, message.messageId = $util.newBuffer($util.base64.length(object.messageId)), 0);
                    else if (object.messageId.length >= 0)
                        message.messageId = object.messageId;
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                return message;
            };

            EventAck.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                    if (options.bytes === String)
                        object.messageId = "";
                    else {
                        object.messageId = [];
                        if (options.bytes !== Array)
                            object.messageId = $util.newBuffer(object.messageId);
                    }
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                if (message.messageId != null && message.hasOwnProperty("messageId"))
                    object.messageId = options.bytes === String ? $util.base64.encode(message.messageId, 0, message.messageId.length) : options.bytes === Array ? Array.prototype.slice.call(message.messageId) : message.messageId;
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                return object;
            };

            EventAck.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventAck;
        })();

        v1.EventNack = (function() {

            function EventNack(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventNack.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            EventNack.prototype.messageId = $util.newBuffer([]);
            EventNack.prototype.error = "";
            EventNack.prototype.requeue = false;
            EventNack.prototype.topic = $util.newBuffer([]);
            EventNack.prototype.step = $util.newBuffer([]);

            EventNack.create = function create(properties) {
                return new EventNack(properties);
            };

            EventNack.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(8).uint64(message.subscriptionId);
                if (message.messageId != null && Object.hasOwnProperty.call(message, "messageId"))
                    writer.uint32(18).bytes(message.messageId);
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    writer.uint32(26).string(message.error);
                if (message.requeue != null && Object.hasOwnProperty.call(message, "requeue"))
                    writer.uint32(32).bool(message.requeue);
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(114).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(122).bytes(message.step);
                return writer;
            };

            EventNack.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventNack();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.messageId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.error = reader.string();
                            break;
                        }
                    case 4: {
                            message.requeue = reader.bool();
                            break;
                        }
                    case 14: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 15: {
                            message.step = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventNack.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                if (message.messageId != null && message.hasOwnProperty("messageId"))
                    if (!(message.messageId && typeof message.messageId.length === "number" || $util.isString(message.messageId)))
                        return "messageId: buffer expected";
                if (message.error != null && message.hasOwnProperty("error"))
                    if (!$util.isString(message.error))
                        return "error: string expected";
                if (message.requeue != null && message.hasOwnProperty("requeue"))
                    if (typeof message.requeue !== "boolean")
                        return "requeue: boolean expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                return null;
            };

            EventNack.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventNack)
                    return object;
                let message = new $root.troupe.v1.EventNack();
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                if (object.messageId != null)
                    if (typeof object.messageId === "string")
                        $util.base64.decode(object.messageId, message.messageId = $util.newBuffer($util.base64.length(object.messageId)), 0);
                    else if (object.messageId.length >= 0)
                        message.messageId = object.messageId;
                if (object.error != null)
                    message.error = String(object.error);
                if (object.requeue != null)
                    message.requeue = Boolean(object.requeue);
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                return message;
            };

            EventNack.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                    if (options.bytes === String)
                        object.messageId = "";
                    else {
                        object.messageId = [];
                        if (options.bytes !== Array)
                            object.messageId = $util.newBuffer(object.messageId);
                    }
                    object.error = "";
                    object.requeue = false;
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                if (message.messageId != null && message.hasOwnProperty("messageId"))
                    object.messageId = options.bytes === String ? $util.base64.encode(message.messageId, 0, message.messageId.length) : options.bytes === Array ? Array.prototype.slice.call(message.messageId) : message.messageId;
                if (message.error != null && message.hasOwnProperty("error"))
                    object.error = message.error;
                if (message.requeue != null && message.hasOwnProperty("requeue"))
                    object.requeue = message.requeue;
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                return object;
            };

            EventNack.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventNack;
        })();

        v1.EventFetch = (function() {

            function EventFetch(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventFetch.prototype.topic = $util.newBuffer([]);
            EventFetch.prototype.step = $util.newBuffer([]);
            EventFetch.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            EventFetch.create = function create(properties) {
                return new EventFetch(properties);
            };

            EventFetch.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(24).uint64(message.subscriptionId);
                return writer;
            };

            EventFetch.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventFetch();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventFetch.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                return null;
            };

            EventFetch.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventFetch)
                    return object;
                let message = new $root.troupe.v1.EventFetch();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                return message;
            };

            EventFetch.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                return object;
            };

            EventFetch.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventFetch;
        })();

        v1.QueuePurge = (function() {

            function QueuePurge(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            QueuePurge.prototype.topic = $util.newBuffer([]);
            QueuePurge.prototype.step = $util.newBuffer([]);

            QueuePurge.create = function create(properties) {
                return new QueuePurge(properties);
            };

            QueuePurge.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                return writer;
            };

            QueuePurge.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.QueuePurge();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            QueuePurge.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                return null;
            };

            QueuePurge.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.QueuePurge)
                    return object;
                let message = new $root.troupe.v1.QueuePurge();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                return message;
            };

            QueuePurge.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                return object;
            };

            QueuePurge.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QueuePurge;
        })();

        v1.EventExtend = (function() {

            function EventExtend(properties) {
                this.messageIds = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventExtend.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            EventExtend.prototype.messageIds = $util.emptyArray;
            EventExtend.prototype.topic = $util.newBuffer([]);
            EventExtend.prototype.step = $util.newBuffer([]);

            EventExtend.create = function create(properties) {
                return new EventExtend(properties);
            };

            EventExtend.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(8).uint64(message.subscriptionId);
                if (message.messageIds != null && message.messageIds.length)
                    for (let i = 0; i < message.messageIds.length; ++i)
                        writer.uint32(18).bytes(message.messageIds[i]);
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(114).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(122).bytes(message.step);
                return writer;
            };

            EventExtend.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventExtend();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    case 2: {
                            if (!(message.messageIds && message.messageIds.length))
                                message.messageIds = [];
                            message.messageIds.push(reader.bytes());
                            break;
                        }
                    case 14: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 15: {
                            message.step = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventExtend.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                if (message.messageIds != null && message.hasOwnProperty("messageIds")) {
                    if (!Array.isArray(message.messageIds))
                        return "messageIds: array expected";
                    for (let i = 0; i < message.messageIds.length; ++i)
                        if (!(message.messageIds[i] && typeof message.messageIds[i].length === "number" || $util.isString(message.messageIds[i])))
                            return "messageIds: buffer[] expected";
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                return null;
            };

            EventExtend.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventExtend)
                    return object;
                let message = new $root.troupe.v1.EventExtend();
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                if (object.messageIds) {
                    if (!Array.isArray(object.messageIds))
                        throw TypeError(".troupe.v1.EventExtend.messageIds: array expected");
                    message.messageIds = [];
                    for (let i = 0; i < object.messageIds.length; ++i)
                        if (typeof object.messageIds[i] === "string")
                            $util.base64.decode(object.messageIds[i], message.messageIds[i] = $util.newBuffer($util.base64.length(object.messageIds[i])), 0);
                        else if (object.messageIds[i].length >= 0)
                            message.messageIds[i] = object.messageIds[i];
                }
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                return message;
            };

            EventExtend.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.messageIds = [];
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                if (message.messageIds && message.messageIds.length) {
                    object.messageIds = [];
                    for (let j = 0; j < message.messageIds.length; ++j)
                        object.messageIds[j] = options.bytes === String ? $util.base64.encode(message.messageIds[j], 0, message.messageIds[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.messageIds[j]) : message.messageIds[j];
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                return object;
            };

            EventExtend.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventExtend;
        })();

        v1.EventRemoveStep = (function() {

            function EventRemoveStep(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventRemoveStep.prototype.topic = $util.newBuffer([]);
            EventRemoveStep.prototype.step = $util.newBuffer([]);

            EventRemoveStep.create = function create(properties) {
                return new EventRemoveStep(properties);
            };

            EventRemoveStep.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                return writer;
            };

            EventRemoveStep.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventRemoveStep();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventRemoveStep.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                return null;
            };

            EventRemoveStep.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventRemoveStep)
                    return object;
                let message = new $root.troupe.v1.EventRemoveStep();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                return message;
            };

            EventRemoveStep.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                return object;
            };

            EventRemoveStep.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventRemoveStep;
        })();

        v1.EventListTopics = (function() {

            function EventListTopics(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventListTopics.create = function create(properties) {
                return new EventListTopics(properties);
            };

            EventListTopics.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                return writer;
            };

            EventListTopics.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventListTopics();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventListTopics.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                return null;
            };

            EventListTopics.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventListTopics)
                    return object;
                return new $root.troupe.v1.EventListTopics();
            };

            EventListTopics.toObject = function toObject() {
                return {};
            };

            EventListTopics.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventListTopics;
        })();

        v1.EventTopicInfo = (function() {

            function EventTopicInfo(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EventTopicInfo.prototype.topic = $util.newBuffer([]);

            EventTopicInfo.create = function create(properties) {
                return new EventTopicInfo(properties);
            };

            EventTopicInfo.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                return writer;
            };

            EventTopicInfo.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EventTopicInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EventTopicInfo.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                return null;
            };

            EventTopicInfo.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EventTopicInfo)
                    return object;
                let message = new $root.troupe.v1.EventTopicInfo();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                return message;
            };

            EventTopicInfo.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                return object;
            };

            EventTopicInfo.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EventTopicInfo;
        })();

        v1.QueueStats = (function() {

            function QueueStats(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            QueueStats.prototype.topic = $util.newBuffer([]);
            QueueStats.prototype.step = $util.newBuffer([]);

            QueueStats.create = function create(properties) {
                return new QueueStats(properties);
            };

            QueueStats.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                return writer;
            };

            QueueStats.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.QueueStats();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            QueueStats.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                return null;
            };

            QueueStats.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.QueueStats)
                    return object;
                let message = new $root.troupe.v1.QueueStats();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                return message;
            };

            QueueStats.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                return object;
            };

            QueueStats.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QueueStats;
        })();

        v1.DeadLetterList = (function() {

            function DeadLetterList(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            DeadLetterList.prototype.topic = $util.newBuffer([]);
            DeadLetterList.prototype.step = $util.newBuffer([]);
            DeadLetterList.prototype.limit = 0;

            DeadLetterList.create = function create(properties) {
                return new DeadLetterList(properties);
            };

            DeadLetterList.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                if (message.limit != null && Object.hasOwnProperty.call(message, "limit"))
                    writer.uint32(24).uint32(message.limit);
                return writer;
            };

            DeadLetterList.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.DeadLetterList();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.limit = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            DeadLetterList.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                if (message.limit != null && message.hasOwnProperty("limit"))
                    if (!$util.isInteger(message.limit))
                        return "limit: integer expected";
                return null;
            };

            DeadLetterList.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.DeadLetterList)
                    return object;
                let message = new $root.troupe.v1.DeadLetterList();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                if (object.limit != null)
                    message.limit = object.limit >>> 0;
                return message;
            };

            DeadLetterList.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                    object.limit = 0;
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                if (message.limit != null && message.hasOwnProperty("limit"))
                    object.limit = message.limit;
                return object;
            };

            DeadLetterList.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DeadLetterList;
        })();

        v1.DeadLetterReplay = (function() {

            function DeadLetterReplay(properties) {
                this.messageIds = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            DeadLetterReplay.prototype.topic = $util.newBuffer([]);
            DeadLetterReplay.prototype.step = $util.newBuffer([]);
            DeadLetterReplay.prototype.messageIds = $util.emptyArray;

            DeadLetterReplay.create = function create(properties) {
                return new DeadLetterReplay(properties);
            };

            DeadLetterReplay.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                if (message.messageIds != null && message.messageIds.length)
                    for (let i = 0; i < message.messageIds.length; ++i)
                        writer.uint32(26).bytes(message.messageIds[i]);
                return writer;
            };

            DeadLetterReplay.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.DeadLetterReplay();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    case 3: {
                            if (!(message.messageIds && message.messageIds.length))
                                message.messageIds = [];
                            message.messageIds.push(reader.bytes());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            DeadLetterReplay.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                if (message.messageIds != null && message.hasOwnProperty("messageIds")) {
                    if (!Array.isArray(message.messageIds))
                        return "messageIds: array expected";
                    for (let i = 0; i < message.messageIds.length; ++i)
                        if (!(message.messageIds[i] && typeof message.messageIds[i].length === "number" || $util.isString(message.messageIds[i])))
                            return "messageIds: buffer[] expected";
                }
                return null;
            };

            DeadLetterReplay.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.DeadLetterReplay)
                    return object;
                let message = new $root.troupe.v1.DeadLetterReplay();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                if (object.messageIds) {
                    if (!Array.isArray(object.messageIds))
                        throw TypeError(".troupe.v1.DeadLetterReplay.messageIds: array expected");
                    message.messageIds = [];
                    for (let i = 0; i < object.messageIds.length; ++i)
                        if (typeof object.messageIds[i] === "string")
                            $util.base64.decode(object.messageIds[i], message.messageIds[i] = $util.newBuffer($util.base64.length(object.messageIds[i])), 0);
                        else if (object.messageIds[i].length >= 0)
                            message.messageIds[i] = object.messageIds[i];
                }
                return message;
            };

            DeadLetterReplay.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.messageIds = [];
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                if (message.messageIds && message.messageIds.length) {
                    object.messageIds = [];
                    for (let j = 0; j < message.messageIds.length; ++j)
                        object.messageIds[j] = options.bytes === String ? $util.base64.encode(message.messageIds[j], 0, message.messageIds[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.messageIds[j]) : message.messageIds[j];
                }
                return object;
            };

            DeadLetterReplay.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DeadLetterReplay;
        })();

        v1.DeadLetterPurge = (function() {

            function DeadLetterPurge(properties) {
                this.messageIds = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            DeadLetterPurge.prototype.topic = $util.newBuffer([]);
            DeadLetterPurge.prototype.step = $util.newBuffer([]);
            DeadLetterPurge.prototype.messageIds = $util.emptyArray;

            DeadLetterPurge.create = function create(properties) {
                return new DeadLetterPurge(properties);
            };

            DeadLetterPurge.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(10).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(18).bytes(message.step);
                if (message.messageIds != null && message.messageIds.length)
                    for (let i = 0; i < message.messageIds.length; ++i)
                        writer.uint32(26).bytes(message.messageIds[i]);
                return writer;
            };

            DeadLetterPurge.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.DeadLetterPurge();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.step = reader.bytes();
                            break;
                        }
                    case 3: {
                            if (!(message.messageIds && message.messageIds.length))
                                message.messageIds = [];
                            message.messageIds.push(reader.bytes());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            DeadLetterPurge.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                if (message.messageIds != null && message.hasOwnProperty("messageIds")) {
                    if (!Array.isArray(message.messageIds))
                        return "messageIds: array expected";
                    for (let i = 0; i < message.messageIds.length; ++i)
                        if (!(message.messageIds[i] && typeof message.messageIds[i].length === "number" || $util.isString(message.messageIds[i])))
                            return "messageIds: buffer[] expected";
                }
                return null;
            };

            DeadLetterPurge.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.DeadLetterPurge)
                    return object;
                let message = new $root.troupe.v1.DeadLetterPurge();
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                if (object.messageIds) {
                    if (!Array.isArray(object.messageIds))
                        throw TypeError(".troupe.v1.DeadLetterPurge.messageIds: array expected");
                    message.messageIds = [];
                    for (let i = 0; i < object.messageIds.length; ++i)
                        if (typeof object.messageIds[i] === "string")
                            $util.base64.decode(object.messageIds[i], message.messageIds[i] = $util.newBuffer($util.base64.length(object.messageIds[i])), 0);
                        else if (object.messageIds[i].length >= 0)
                            message.messageIds[i] = object.messageIds[i];
                }
                return message;
            };

            DeadLetterPurge.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.messageIds = [];
                if (options.defaults) {
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                }
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                if (message.messageIds && message.messageIds.length) {
                    object.messageIds = [];
                    for (let j = 0; j < message.messageIds.length; ++j)
                        object.messageIds[j] = options.bytes === String ? $util.base64.encode(message.messageIds[j], 0, message.messageIds[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.messageIds[j]) : message.messageIds[j];
                }
                return object;
            };

            DeadLetterPurge.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DeadLetterPurge;
        })();

        v1.LockInfo = (function() {

            function LockInfo(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            LockInfo.prototype.job = $util.newBuffer([]);
            LockInfo.prototype.lockId = $util.newBuffer([]);
            LockInfo.prototype.instanceId = $util.newBuffer([]);
            LockInfo.prototype.acquiredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            LockInfo.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            LockInfo.prototype.fencingToken = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            LockInfo.create = function create(properties) {
                return new LockInfo(properties);
            };

            LockInfo.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.job != null && Object.hasOwnProperty.call(message, "job"))
                    writer.uint32(10).bytes(message.job);
                if (message.lockId != null && Object.hasOwnProperty.call(message, "lockId"))
                    writer.uint32(18).bytes(message.lockId);
                if (message.instanceId != null && Object.hasOwnProperty.call(message, "instanceId"))
                    writer.uint32(26).bytes(message.instanceId);
                if (message.acquiredAtMs != null && Object.hasOwnProperty.call(message, "acquiredAtMs"))
                    writer.uint32(32).int64(message.acquiredAtMs);
                if (message.expiresAtMs != null && Object.hasOwnProperty.call(message, "expiresAtMs"))
                    writer.uint32(40).int64(message.expiresAtMs);
                if (message.fencingToken != null && Object.hasOwnProperty.call(message, "fencingToken"))
                    writer.uint32(48).uint64(message.fencingToken);
                return writer;
            };

            LockInfo.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.LockInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.job = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.lockId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.instanceId = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.acquiredAtMs = reader.int64();
                            break;
                        }
                    case 5: {
                            message.expiresAtMs = reader.int64();
                            break;
                        }
                    case 6: {
                            message.fencingToken = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            LockInfo.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.job != null && message.hasOwnProperty("job"))
                    if (!(message.job && typeof message.job.length === "number" || $util.isString(message.job)))
                        return "job: buffer expected";
                if (message.lockId != null && message.hasOwnProperty("lockId"))
                    if (!(message.lockId && typeof message.lockId.length === "number" || $util.isString(message.lockId)))
                        return "lockId: buffer expected";
                if (message.instanceId != null && message.hasOwnProperty("instanceId"))
                    if (!(message.instanceId && typeof message.instanceId.length === "number" || $util.isString(message.instanceId)))
                        return "instanceId: buffer expected";
                if (message.acquiredAtMs != null && message.hasOwnProperty("acquiredAtMs"))
                    if (!$util.isInteger(message.acquiredAtMs) && !(message.acquiredAtMs && $util.isInteger(message.acquiredAtMs.low) && $util.isInteger(message.acquiredAtMs.high)))
                        return "acquiredAtMs: integer|Long expected";
                if (message.expiresAtMs != null && message.hasOwnProperty("expiresAtMs"))
                    if (!$util.isInteger(message.expiresAtMs) && !(message.expiresAtMs && $util.isInteger(message.expiresAtMs.low) && $util.isInteger(message.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                if (message.fencingToken != null && message.hasOwnProperty("fencingToken"))
                    if (!$util.isInteger(message.fencingToken) && !(message.fencingToken && $util.isInteger(message.fencingToken.low) && $util.isInteger(message.fencingToken.high)))
                        return "fencingToken: integer|Long expected";
                return null;
            };

            LockInfo.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.LockInfo)
                    return object;
                let message = new $root.troupe.v1.LockInfo();
                if (object.job != null)
                    if (typeof object.job === "string")
                        $util.base64.decode(object.job, message.job = $util.newBuffer($util.base64.length(object.job)), 0);
                    else if (object.job.length >= 0)
                        message.job = object.job;
                if (object.lockId != null)
                    if (typeof object.lockId === "string")
                        $util.base64.decode(object.lockId, message.lockId = $util.newBuffer($util.base64.length(object.lockId)), 0);
                    else if (object.lockId.length >= 0)
                        message.lockId = object.lockId;
                if (object.instanceId != null)
                    if (typeof object.instanceId === "string")
                        $util.base64.decode(object.instanceId, message.instanceId = $util.newBuffer($util.base64.length(object.instanceId)), 0);
                    else if (object.instanceId.length >= 0)
                        message.instanceId = object.instanceId;
                if (object.acquiredAtMs != null)
                    if ($util.Long)
                        (message.acquiredAtMs = $util.Long.fromValue(object.acquiredAtMs)).unsigned = false;
                    else if (typeof object.acquiredAtMs === "string")
                        message.acquiredAtMs = parseInt(object.acquiredAtMs, 10);
                    else if (typeof object.acquiredAtMs === "number")
                        message.acquiredAtMs = object.acquiredAtMs;
                    else if (typeof object.acquiredAtMs === "object")
                        message.acquiredAtMs = new $util.LongBits(object.acquiredAtMs.low >>> 0, object.acquiredAtMs.high >>> 0).toNumber();
                if (object.expiresAtMs != null)
                    if ($util.Long)
                        (message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs)).unsigned = false;
                    else if (typeof object.expiresAtMs === "string")
                        message.expiresAtMs = parseInt(object.expiresAtMs, 10);
                    else if (typeof object.expiresAtMs === "number")
                        message.expiresAtMs = object.expiresAtMs;
                    else if (typeof object.expiresAtMs === "object")
                        message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber();
                if (object.fencingToken != null)
                    if ($util.Long)
                        (message.fencingToken = $util.Long.fromValue(object.fencingToken)).unsigned = true;
                    else if (typeof object.fencingToken === "string")
                        message.fencingToken = parseInt(object.fencingToken, 10);
                    else if (typeof object.fencingToken === "number")
                        message.fencingToken = object.fencingToken;
                    else if (typeof object.fencingToken === "object")
                        message.fencingToken = new $util.LongBits(object.fencingToken.low >>> 0, object.fencingToken.high >>> 0).toNumber(true);
                return message;
            };

            LockInfo.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.job = "";
                    else {
                        object.job = [];
                        if (options.bytes !== Array)
                            object.job = $util.newBuffer(object.job);
                    }
                    if (options.bytes === String)
                        object.lockId = "";
                    else {
                        object.lockId = [];
                        if (options.bytes !== Array)
                            object.lockId = $util.newBuffer(object.lockId);
                    }
                    if (options.bytes === String)
                        object.instanceId = "";
                    else {
                        object.instanceId = [];
                        if (options.bytes !== Array)
                            object.instanceId = $util.newBuffer(object.instanceId);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.acquiredAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.acquiredAtMs = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.expiresAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.expiresAtMs = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.fencingToken = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.fencingToken = options.longs === String ? "0" : 0;
                }
                if (message.job != null && message.hasOwnProperty("job"))
                    object.job = options.bytes === String ? $util.base64.encode(message.job, 0, message.job.length) : options.bytes === Array ? Array.prototype.slice.call(message.job) : message.job;
                if (message.lockId != null && message.hasOwnProperty("lockId"))
                    object.lockId = options.bytes === String ? $util.base64.encode(message.lockId, 0, message.lockId.length) : options.bytes === Array ? Array.prototype.slice.call(message.lockId) : message.lockId;
                if (message.instanceId != null && message.hasOwnProperty("instanceId"))
                    object.instanceId = options.bytes === String ? $util.base64.encode(message.instanceId, 0, message.instanceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.instanceId) : message.instanceId;
                if (message.acquiredAtMs != null && message.hasOwnProperty("acquiredAtMs"))
                    if (typeof message.acquiredAtMs === "number")
                        object.acquiredAtMs = options.longs === String ? String(message.acquiredAtMs) : message.acquiredAtMs;
                    else
                        object.acquiredAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.acquiredAtMs) : options.longs === Number ? new $util.LongBits(message.acquiredAtMs.low >>> 0, message.acquiredAtMs.high >>> 0).toNumber() : message.acquiredAtMs;
                if (message.expiresAtMs != null && message.hasOwnProperty("expiresAtMs"))
                    if (typeof message.expiresAtMs === "number")
                        object.expiresAtMs = options.longs === String ? String(message.expiresAtMs) : message.expiresAtMs;
                    else
                        object.expiresAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber() : message.expiresAtMs;
                if (message.fencingToken != null && message.hasOwnProperty("fencingToken"))
                    if (typeof message.fencingToken === "number")
                        object.fencingToken = options.longs === String ? String(message.fencingToken) : message.fencingToken;
                    else
                        object.fencingToken = options.longs === String ? $util.Long.prototype.toString.call(message.fencingToken) : options.longs === Number ? new $util.LongBits(message.fencingToken.low >>> 0, message.fencingToken.high >>> 0).toNumber(true) : message.fencingToken;
                return object;
            };

            LockInfo.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LockInfo;
        })();

        v1.LockAcquire = (function() {

            function LockAcquire(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            LockAcquire.prototype.job = $util.newBuffer([]);
            LockAcquire.prototype.ttlMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            LockAcquire.prototype.instanceId = $util.newBuffer([]);

            LockAcquire.create = function create(properties) {
                return new LockAcquire(properties);
            };

            LockAcquire.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.job != null && Object.hasOwnProperty.call(message, "job"))
                    writer.uint32(10).bytes(message.job);
                if (message.ttlMs != null && Object.hasOwnProperty.call(message, "ttlMs"))
                    writer.uint32(16).int64(message.ttlMs);
                if (message.instanceId != null && Object.hasOwnProperty.call(message, "instanceId"))
                    writer.uint32(26).bytes(message.instanceId);
                return writer;
            };

            LockAcquire.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.LockAcquire();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.job = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.ttlMs = reader.int64();
                            break;
                        }
                    case 3: {
                            message.instanceId = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            LockAcquire.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.job != null && message.hasOwnProperty("job"))
                    if (!(message.job && typeof message.job.length === "number" || $util.isString(message.job)))
                        return "job: buffer expected";
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (!$util.isInteger(message.ttlMs) && !(message.ttlMs && $util.isInteger(message.ttlMs.low) && $util.isInteger(message.ttlMs.high)))
                        return "ttlMs: integer|Long expected";
                if (message.instanceId != null && message.hasOwnProperty("instanceId"))
                    if (!(message.instanceId && typeof message.instanceId.length === "number" || $util.isString(message.instanceId)))
                        return "instanceId: buffer expected";
                return null;
            };

            LockAcquire.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.LockAcquire)
                    return object;
                let message = new $root.troupe.v1.LockAcquire();
                if (object.job != null)
                    if (typeof object.job === "string")
                        $util.base64.decode(object.job, message.job = $util.newBuffer($util.base64.length(object.job)), 0);
                    else if (object.job.length >= 0)
                        message.job = object.job;
                if (object.ttlMs != null)
                    if ($util.Long)
                        (message.ttlMs = $util.Long.fromValue(object.ttlMs)).unsigned = false;
                    else if (typeof object.ttlMs === "string")
                        message.ttlMs = parseInt(object.ttlMs, 10);
                    else if (typeof object.ttlMs === "number")
                        message.ttlMs = object.ttlMs;
                    else if (typeof object.ttlMs === "object")
                        message.ttlMs = new $util.LongBits(object.ttlMs.low >>> 0, object.ttlMs.high >>> 0).toNumber();
                if (object.instanceId != null)
                    if (typeof object.instanceId === "string")
                        $util.base64.decode(object.instanceId, message.instanceId = $util.newBuffer($util.base64.length(object.instanceId)), 0);
                    else if (object.instanceId.length >= 0)
                        message.instanceId = object.instanceId;
                return message;
            };

            LockAcquire.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.job = "";
                    else {
                        object.job = [];
                        if (options.bytes !== Array)
                            object.job = $util.newBuffer(object.job);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.ttlMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.ttlMs = options.longs === String ? "0" : 0;
                    if (options.bytes === String)
                        object.instanceId = "";
                    else {
                        object.instanceId = [];
                        if (options.bytes !== Array)
                            object.instanceId = $util.newBuffer(object.instanceId);
                    }
                }
                if (message.job != null && message.hasOwnProperty("job"))
                    object.job = options.bytes === String ? $util.base64.encode(message.job, 0, message.job.length) : options.bytes === Array ? Array.prototype.slice.call(message.job) : message.job;
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (typeof message.ttlMs === "number")
                        object.ttlMs = options.longs === String ? String(message.ttlMs) : message.ttlMs;
                    else
                        object.ttlMs = options.longs === String ? $util.Long.prototype.toString.call(message.ttlMs) : options.longs === Number ? new $util.LongBits(message.ttlMs.low >>> 0, message.ttlMs.high >>> 0).toNumber() : message.ttlMs;
                if (message.instanceId != null && message.hasOwnProperty("instanceId"))
                    object.instanceId = options.bytes === String ? $util.base64.encode(message.instanceId, 0, message.instanceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.instanceId) : message.instanceId;
                return object;
            };

            LockAcquire.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LockAcquire;
        })();

        v1.LockRenew = (function() {

            function LockRenew(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            LockRenew.prototype.job = $util.newBuffer([]);
            LockRenew.prototype.lockId = $util.newBuffer([]);
            LockRenew.prototype.ttlMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            LockRenew.create = function create(properties) {
                return new LockRenew(properties);
            };

            LockRenew.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.job != null && Object.hasOwnProperty.call(message, "job"))
                    writer.uint32(10).bytes(message.job);
                if (message.lockId != null && Object.hasOwnProperty.call(message, "lockId"))
                    writer.uint32(18).bytes(message.lockId);
                if (message.ttlMs != null && Object.hasOwnProperty.call(message, "ttlMs"))
                    writer.uint32(24).int64(message.ttlMs);
                return writer;
            };

            LockRenew.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.LockRenew();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.job = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.lockId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.ttlMs = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            LockRenew.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.job != null && message.hasOwnProperty("job"))
                    if (!(message.job && typeof message.job.length === "number" || $util.isString(message.job)))
                        return "job: buffer expected";
                if (message.lockId != null && message.hasOwnProperty("lockId"))
                    if (!(message.lockId && typeof message.lockId.length === "number" || $util.isString(message.lockId)))
                        return "lockId: buffer expected";
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (!$util.isInteger(message.ttlMs) && !(message.ttlMs && $util.isInteger(message.ttlMs.low) && $util.isInteger(message.ttlMs.high)))
                        return "ttlMs: integer|Long expected";
                return null;
            };

            LockRenew.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.LockRenew)
                    return object;
                let message = new $root.troupe.v1.LockRenew();
                if (object.job != null)
                    if (typeof object.job === "string")
                        $util.base64.decode(object.job, message.job = $util.newBuffer($util.base64.length(object.job)), 0);
                    else if (object.job.length >= 0)
                        message.job = object.job;
                if (object.lockId != null)
                    if (typeof object.lockId === "string")
                        $util.base64.decode(object.lockId, message.lockId = $util.newBuffer($util.base64.length(object.lockId)), 0);
                    else if (object.lockId.length >= 0)
                        message.lockId = object.lockId;
                if (object.ttlMs != null)
                    if ($util.Long)
                        (message.ttlMs = $util.Long.fromValue(object.ttlMs)).unsigned = false;
                    else if (typeof object.ttlMs === "string")
                        message.ttlMs = parseInt(object.ttlMs, 10);
                    else if (typeof object.ttlMs === "number")
                        message.ttlMs = object.ttlMs;
                    else if (typeof object.ttlMs === "object")
                        message.ttlMs = new $util.LongBits(object.ttlMs.low >>> 0, object.ttlMs.high >>> 0).toNumber();
                return message;
            };

            LockRenew.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.job = "";
                    else {
                        object.job = [];
                        if (options.bytes !== Array)
                            object.job = $util.newBuffer(object.job);
                    }
                    if (options.bytes === String)
                        object.lockId = "";
                    else {
                        object.lockId = [];
                        if (options.bytes !== Array)
                            object.lockId = $util.newBuffer(object.lockId);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.ttlMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.ttlMs = options.longs === String ? "0" : 0;
                }
                if (message.job != null && message.hasOwnProperty("job"))
                    object.job = options.bytes === String ? $util.base64.encode(message.job, 0, message.job.length) : options.bytes === Array ? Array.prototype.slice.call(message.job) : message.job;
                if (message.lockId != null && message.hasOwnProperty("lockId"))
                    object.lockId = options.bytes === String ? $util.base64.encode(message.lockId, 0, message.lockId.length) : options.bytes === Array ? Array.prototype.slice.call(message.lockId) : message.lockId;
                if (message.ttlMs != null && message.hasOwnProperty("ttlMs"))
                    if (typeof message.ttlMs === "number")
                        object.ttlMs = options.longs === String ? String(message.ttlMs) : message.ttlMs;
                    else
                        object.ttlMs = options.longs === String ? $util.Long.prototype.toString.call(message.ttlMs) : options.longs === Number ? new $util.LongBits(message.ttlMs.low >>> 0, message.ttlMs.high >>> 0).toNumber() : message.ttlMs;
                return object;
            };

            LockRenew.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LockRenew;
        })();

        v1.LockRelease = (function() {

            function LockRelease(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            LockRelease.prototype.job = $util.newBuffer([]);
            LockRelease.prototype.lockId = $util.newBuffer([]);
            LockRelease.prototype.instanceId = $util.newBuffer([]);
            LockRelease.prototype.holdUntilMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            LockRelease.create = function create(properties) {
                return new LockRelease(properties);
            };

            LockRelease.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.job != null && Object.hasOwnProperty.call(message, "job"))
                    writer.uint32(10).bytes(message.job);
                if (message.lockId != null && Object.hasOwnProperty.call(message, "lockId"))
                    writer.uint32(18).bytes(message.lockId);
                if (message.instanceId != null && Object.hasOwnProperty.call(message, "instanceId"))
                    writer.uint32(26).bytes(message.instanceId);
                if (message.holdUntilMs != null && Object.hasOwnProperty.call(message, "holdUntilMs"))
                    writer.uint32(32).int64(message.holdUntilMs);
                return writer;
            };

            LockRelease.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.LockRelease();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.job = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.lockId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.instanceId = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.holdUntilMs = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            LockRelease.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.job != null && message.hasOwnProperty("job"))
                    if (!(message.job && typeof message.job.length === "number" || $util.isString(message.job)))
                        return "job: buffer expected";
                if (message.lockId != null && message.hasOwnProperty("lockId"))
                    if (!(message.lockId && typeof message.lockId.length === "number" || $util.isString(message.lockId)))
                        return "lockId: buffer expected";
                if (message.instanceId != null && message.hasOwnProperty("instanceId"))
                    if (!(message.instanceId && typeof message.instanceId.length === "number" || $util.isString(message.instanceId)))
                        return "instanceId: buffer expected";
                if (message.holdUntilMs != null && message.hasOwnProperty("holdUntilMs"))
                    if (!$util.isInteger(message.holdUntilMs) && !(message.holdUntilMs && $util.isInteger(message.holdUntilMs.low) && $util.isInteger(message.holdUntilMs.high)))
                        return "holdUntilMs: integer|Long expected";
                return null;
            };

            LockRelease.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.LockRelease)
                    return object;
                let message = new $root.troupe.v1.LockRelease();
                if (object.job != null)
                    if (typeof object.job === "string")
                        $util.base64.decode(object.job, message.job = $util.newBuffer($util.base64.length(object.job)), 0);
                    else if (object.job.length >= 0)
                        message.job = object.job;
                if (object.lockId != null)
                    if (typeof object.lockId === "string")
                        $util.base64.decode(object.lockId, message.lockId = $util.newBuffer($util.base64.length(object.lockId)), 0);
                    else if (object.lockId.length >= 0)
                        message.lockId = object.lockId;
                if (object.instanceId != null)
                    if (typeof object.instanceId === "string")
                        $util.base64.decode(object.instanceId, message.instanceId = $util.newBuffer($util.base64.length(object.instanceId)), 0);
                    else if (object.instanceId.length >= 0)
                        message.instanceId = object.instanceId;
                if (object.holdUntilMs != null)
                    if ($util.Long)
                        (message.holdUntilMs = $util.Long.fromValue(object.holdUntilMs)).unsigned = false;
                    else if (typeof object.holdUntilMs === "string")
                        message.holdUntilMs = parseInt(object.holdUntilMs, 10);
                    else if (typeof object.holdUntilMs === "number")
                        message.holdUntilMs = object.holdUntilMs;
                    else if (typeof object.holdUntilMs === "object")
                        message.holdUntilMs = new $util.LongBits(object.holdUntilMs.low >>> 0, object.holdUntilMs.high >>> 0).toNumber();
                return message;
            };

            LockRelease.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.job = "";
                    else {
                        object.job = [];
                        if (options.bytes !== Array)
                            object.job = $util.newBuffer(object.job);
                    }
                    if (options.bytes === String)
                        object.lockId = "";
                    else {
                        object.lockId = [];
                        if (options.bytes !== Array)
                            object.lockId = $util.newBuffer(object.lockId);
                    }
                    if (options.bytes === String)
                        object.instanceId = "";
                    else {
                        object.instanceId = [];
                        if (options.bytes !== Array)
                            object.instanceId = $util.newBuffer(object.instanceId);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.holdUntilMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.holdUntilMs = options.longs === String ? "0" : 0;
                }
                if (message.job != null && message.hasOwnProperty("job"))
                    object.job = options.bytes === String ? $util.base64.encode(message.job, 0, message.job.length) : options.bytes === Array ? Array.prototype.slice.call(message.job) : message.job;
                if (message.lockId != null && message.hasOwnProperty("lockId"))
                    object.lockId = options.bytes === String ? $util.base64.encode(message.lockId, 0, message.lockId.length) : options.bytes === Array ? Array.prototype.slice.call(message.lockId) : message.lockId;
                if (message.instanceId != null && message.hasOwnProperty("instanceId"))
                    object.instanceId = options.bytes === String ? $util.base64.encode(message.instanceId, 0, message.instanceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.instanceId) : message.instanceId;
                if (message.holdUntilMs != null && message.hasOwnProperty("holdUntilMs"))
                    if (typeof message.holdUntilMs === "number")
                        object.holdUntilMs = options.longs === String ? String(message.holdUntilMs) : message.holdUntilMs;
                    else
                        object.holdUntilMs = options.longs === String ? $util.Long.prototype.toString.call(message.holdUntilMs) : options.longs === Number ? new $util.LongBits(message.holdUntilMs.low >>> 0, message.holdUntilMs.high >>> 0).toNumber() : message.holdUntilMs;
                return object;
            };

            LockRelease.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LockRelease;
        })();

        v1.LockList = (function() {

            function LockList(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            LockList.create = function create(properties) {
                return new LockList(properties);
            };

            LockList.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                return writer;
            };

            LockList.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.LockList();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            LockList.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                return null;
            };

            LockList.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.LockList)
                    return object;
                return new $root.troupe.v1.LockList();
            };

            LockList.toObject = function toObject() {
                return {};
            };

            LockList.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LockList;
        })();

        v1.LockReply = (function() {

            function LockReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            LockReply.prototype.granted = false;
            LockReply.prototype.lock = null;

            LockReply.create = function create(properties) {
                return new LockReply(properties);
            };

            LockReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.granted != null && Object.hasOwnProperty.call(message, "granted"))
                    writer.uint32(8).bool(message.granted);
                if (message.lock != null && Object.hasOwnProperty.call(message, "lock"))
                    $root.troupe.v1.LockInfo.encode(message.lock, writer.uint32(18).fork()).ldelim();
                return writer;
            };

            LockReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.LockReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.granted = reader.bool();
                            break;
                        }
                    case 2: {
                            message.lock = $root.troupe.v1.LockInfo.decode(reader, reader.uint32());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            LockReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.granted != null && message.hasOwnProperty("granted"))
                    if (typeof message.granted !== "boolean")
                        return "granted: boolean expected";
                if (message.lock != null && message.hasOwnProperty("lock")) {
                    let error = $root.troupe.v1.LockInfo.verify(message.lock);
                    if (error)
                        return "lock." + error;
                }
                return null;
            };

            LockReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.LockReply)
                    return object;
                let message = new $root.troupe.v1.LockReply();
                if (object.granted != null)
                    message.granted = Boolean(object.granted);
                if (object.lock != null) {
                    if (typeof object.lock !== "object")
                        throw TypeError(".troupe.v1.LockReply.lock: object expected");
                    message.lock = $root.troupe.v1.LockInfo.fromObject(object.lock);
                }
                return message;
            };

            LockReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.granted = false;
                    object.lock = null;
                }
                if (message.granted != null && message.hasOwnProperty("granted"))
                    object.granted = message.granted;
                if (message.lock != null && message.hasOwnProperty("lock"))
                    object.lock = $root.troupe.v1.LockInfo.toObject(message.lock, options);
                return object;
            };

            LockReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LockReply;
        })();

        v1.LocksReply = (function() {

            function LocksReply(properties) {
                this.locks = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            LocksReply.prototype.locks = $util.emptyArray;

            LocksReply.create = function create(properties) {
                return new LocksReply(properties);
            };

            LocksReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.locks != null && message.locks.length)
                    for (let i = 0; i < message.locks.length; ++i)
                        $root.troupe.v1.LockInfo.encode(message.locks[i], writer.uint32(10).fork()).ldelim();
                return writer;
            };

            LocksReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.LocksReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.locks && message.locks.length))
                                message.locks = [];
                            message.locks.push($root.troupe.v1.LockInfo.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            LocksReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.locks != null && message.hasOwnProperty("locks")) {
                    if (!Array.isArray(message.locks))
                        return "locks: array expected";
                    for (let i = 0; i < message.locks.length; ++i) {
                        let error = $root.troupe.v1.LockInfo.verify(message.locks[i]);
                        if (error)
                            return "locks." + error;
                    }
                }
                return null;
            };

            LocksReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.LocksReply)
                    return object;
                let message = new $root.troupe.v1.LocksReply();
                if (object.locks) {
                    if (!Array.isArray(object.locks))
                        throw TypeError(".troupe.v1.LocksReply.locks: array expected");
                    message.locks = [];
                    for (let i = 0; i < object.locks.length; ++i) {
                        if (typeof object.locks[i] !== "object")
                            throw TypeError(".troupe.v1.LocksReply.locks: object expected");
                        message.locks[i] = $root.troupe.v1.LockInfo.fromObject(object.locks[i]);
                    }
                }
                return message;
            };

            LocksReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.locks = [];
                if (message.locks && message.locks.length) {
                    object.locks = [];
                    for (let j = 0; j < message.locks.length; ++j)
                        object.locks[j] = $root.troupe.v1.LockInfo.toObject(message.locks[j], options);
                }
                return object;
            };

            LocksReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LocksReply;
        })();

        v1.AdvanceClock = (function() {

            function AdvanceClock(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            AdvanceClock.prototype.ms = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            AdvanceClock.create = function create(properties) {
                return new AdvanceClock(properties);
            };

            AdvanceClock.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.ms != null && Object.hasOwnProperty.call(message, "ms"))
                    writer.uint32(8).uint64(message.ms);
                return writer;
            };

            AdvanceClock.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.AdvanceClock();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.ms = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            AdvanceClock.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.ms != null && message.hasOwnProperty("ms"))
                    if (!$util.isInteger(message.ms) && !(message.ms && $util.isInteger(message.ms.low) && $util.isInteger(message.ms.high)))
                        return "ms: integer|Long expected";
                return null;
            };

            AdvanceClock.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.AdvanceClock)
                    return object;
                let message = new $root.troupe.v1.AdvanceClock();
                if (object.ms != null)
                    if ($util.Long)
                        (message.ms = $util.Long.fromValue(object.ms)).unsigned = true;
                    else if (typeof object.ms === "string")
                        message.ms = parseInt(object.ms, 10);
                    else if (typeof object.ms === "number")
                        message.ms = object.ms;
                    else if (typeof object.ms === "object")
                        message.ms = new $util.LongBits(object.ms.low >>> 0, object.ms.high >>> 0).toNumber(true);
                return message;
            };

            AdvanceClock.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.ms = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.ms = options.longs === String ? "0" : 0;
                if (message.ms != null && message.hasOwnProperty("ms"))
                    if (typeof message.ms === "number")
                        object.ms = options.longs === String ? String(message.ms) : message.ms;
                    else
                        object.ms = options.longs === String ? $util.Long.prototype.toString.call(message.ms) : options.longs === Number ? new $util.LongBits(message.ms.low >>> 0, message.ms.high >>> 0).toNumber(true) : message.ms;
                return object;
            };

            AdvanceClock.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AdvanceClock;
        })();

        v1.Request = (function() {

            function Request(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Request.prototype.ping = null;
            Request.prototype.stateGet = null;
            Request.prototype.stateExists = null;
            Request.prototype.stateGetMany = null;
            Request.prototype.stateSet = null;
            Request.prototype.stateSetMany = null;
            Request.prototype.stateDelete = null;
            Request.prototype.stateKeys = null;
            Request.prototype.stateClear = null;
            Request.prototype.stateGetGroup = null;
            Request.prototype.stateTraceIds = null;
            Request.prototype.stateItems = null;
            Request.prototype.streamGet = null;
            Request.prototype.streamSet = null;
            Request.prototype.streamDelete = null;
            Request.prototype.streamGetGroup = null;
            Request.prototype.streamClear = null;
            Request.prototype.streamQuery = null;
            Request.prototype.streamListGroups = null;
            Request.prototype.streamSubscribe = null;
            Request.prototype.streamUnsubscribe = null;
            Request.prototype.streamSend = null;
            Request.prototype.stats = null;
            Request.prototype.advanceClock = null;
            Request.prototype.backup = null;
            Request.prototype.exportChunk = null;
            Request.prototype.importChunk = null;
            Request.prototype.eventEmit = null;
            Request.prototype.eventEmitBatch = null;
            Request.prototype.eventSubscribe = null;
            Request.prototype.eventUnsubscribe = null;
            Request.prototype.eventAck = null;
            Request.prototype.eventNack = null;
            Request.prototype.eventRemoveStep = null;
            Request.prototype.eventListTopics = null;
            Request.prototype.eventTopicInfo = null;
            Request.prototype.queueStats = null;
            Request.prototype.deadLetterList = null;
            Request.prototype.deadLetterReplay = null;
            Request.prototype.deadLetterPurge = null;
            Request.prototype.eventExtend = null;
            Request.prototype.eventFetch = null;
            Request.prototype.queuePurge = null;
            Request.prototype.lockAcquire = null;
            Request.prototype.lockRenew = null;
            Request.prototype.lockRelease = null;
            Request.prototype.lockList = null;
            Request.prototype.kvCommand = null;
            Request.prototype.kvScan = null;
            Request.prototype.kvCount = null;
            Request.prototype.kvFlush = null;
            Request.prototype.kvEval = null;
            Request.prototype.kvExec = null;
            Request.prototype.kvWatch = null;
            Request.prototype.kvUnblock = null;
            Request.prototype.clusterStatus = null;
            Request.prototype.clusterDrain = null;
            Request.prototype.clusterTransferLeader = null;

            let $oneOfFields;

            Object.defineProperty(Request.prototype, "op", {
                get: $util.oneOfGetter($oneOfFields = ["ping", "stateGet", "stateExists", "stateGetMany", "stateSet", "stateSetMany", "stateDelete", "stateKeys", "stateClear", "stateGetGroup", "stateTraceIds", "stateItems", "streamGet", "streamSet", "streamDelete", "streamGetGroup", "streamClear", "streamQuery", "streamListGroups", "streamSubscribe", "streamUnsubscribe", "streamSend", "stats", "advanceClock", "backup", "exportChunk", "importChunk", "eventEmit", "eventEmitBatch", "eventSubscribe", "eventUnsubscribe", "eventAck", "eventNack", "eventRemoveStep", "eventListTopics", "eventTopicInfo", "queueStats", "deadLetterList", "deadLetterReplay", "deadLetterPurge", "eventExtend", "eventFetch", "queuePurge", "lockAcquire", "lockRenew", "lockRelease", "lockList", "kvCommand", "kvScan", "kvCount", "kvFlush", "kvEval", "kvExec", "kvWatch", "kvUnblock", "clusterStatus", "clusterDrain", "clusterTransferLeader"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Request.create = function create(properties) {
                return new Request(properties);
            };

            Request.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.ping != null && Object.hasOwnProperty.call(message, "ping"))
                    $root.troupe.v1.Ping.encode(message.ping, writer.uint32(10).fork()).ldelim();
                if (message.stateGet != null && Object.hasOwnProperty.call(message, "stateGet"))
                    $root.troupe.v1.StateGet.encode(message.stateGet, writer.uint32(82).fork()).ldelim();
                if (message.stateExists != null && Object.hasOwnProperty.call(message, "stateExists"))
                    $root.troupe.v1.StateExists.encode(message.stateExists, writer.uint32(90).fork()).ldelim();
                if (message.stateGetMany != null && Object.hasOwnProperty.call(message, "stateGetMany"))
                    $root.troupe.v1.StateGetMany.encode(message.stateGetMany, writer.uint32(98).fork()).ldelim();
                if (message.stateSet != null && Object.hasOwnProperty.call(message, "stateSet"))
                    $root.troupe.v1.StateSet.encode(message.stateSet, writer.uint32(106).fork()).ldelim();
                if (message.stateSetMany != null && Object.hasOwnProperty.call(message, "stateSetMany"))
                    $root.troupe.v1.StateSetMany.encode(message.stateSetMany, writer.uint32(114).fork()).ldelim();
                if (message.stateDelete != null && Object.hasOwnProperty.call(message, "stateDelete"))
                    $root.troupe.v1.StateDelete.encode(message.stateDelete, writer.uint32(122).fork()).ldelim();
                if (message.stateKeys != null && Object.hasOwnProperty.call(message, "stateKeys"))
                    $root.troupe.v1.StateKeys.encode(message.stateKeys, writer.uint32(130).fork()).ldelim();
                if (message.stateClear != null && Object.hasOwnProperty.call(message, "stateClear"))
                    $root.troupe.v1.StateClear.encode(message.stateClear, writer.uint32(138).fork()).ldelim();
                if (message.stateGetGroup != null && Object.hasOwnProperty.call(message, "stateGetGroup"))
                    $root.troupe.v1.StateGetGroup.encode(message.stateGetGroup, writer.uint32(146).fork()).ldelim();
                if (message.stateTraceIds != null && Object.hasOwnProperty.call(message, "stateTraceIds"))
                    $root.troupe.v1.StateTraceIds.encode(message.stateTraceIds, writer.uint32(154).fork()).ldelim();
                if (message.stateItems != null && Object.hasOwnProperty.call(message, "stateItems"))
                    $root.troupe.v1.StateItems.encode(message.stateItems, writer.uint32(162).fork()).ldelim();
                if (message.streamGet != null && Object.hasOwnProperty.call(message, "streamGet"))
                    $root.troupe.v1.StreamGet.encode(message.streamGet, writer.uint32(242).fork()).ldelim();
                if (message.streamSet != null && Object.hasOwnProperty.call(message, "streamSet"))
                    $root.troupe.v1.StreamSet.encode(message.streamSet, writer.uint32(250).fork()).ldelim();
                if (message.streamDelete != null && Object.hasOwnProperty.call(message, "streamDelete"))
                    $root.troupe.v1.StreamDelete.encode(message.streamDelete, writer.uint32(258).fork()).ldelim();
                if (message.streamGetGroup != null && Object.hasOwnProperty.call(message, "streamGetGroup"))
                    $root.troupe.v1.StreamGetGroup.encode(message.streamGetGroup, writer.uint32(266).fork()).ldelim();
                if (message.streamClear != null && Object.hasOwnProperty.call(message, "streamClear"))
                    $root.troupe.v1.StreamClear.encode(message.streamClear, writer.uint32(274).fork()).ldelim();
                if (message.streamQuery != null && Object.hasOwnProperty.call(message, "streamQuery"))
                    $root.troupe.v1.StreamQuery.encode(message.streamQuery, writer.uint32(282).fork()).ldelim();
                if (message.streamListGroups != null && Object.hasOwnProperty.call(message, "streamListGroups"))
                    $root.troupe.v1.StreamListGroups.encode(message.streamListGroups, writer.uint32(290).fork()).ldelim();
                if (message.streamSubscribe != null && Object.hasOwnProperty.call(message, "streamSubscribe"))
                    $root.troupe.v1.StreamSubscribe.encode(message.streamSubscribe, writer.uint32(298).fork()).ldelim();
                if (message.streamUnsubscribe != null && Object.hasOwnProperty.call(message, "streamUnsubscribe"))
                    $root.troupe.v1.StreamUnsubscribe.encode(message.streamUnsubscribe, writer.uint32(306).fork()).ldelim();
                if (message.streamSend != null && Object.hasOwnProperty.call(message, "streamSend"))
                    $root.troupe.v1.StreamSend.encode(message.streamSend, writer.uint32(314).fork()).ldelim();
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    $root.troupe.v1.Stats.encode(message.stats, writer.uint32(402).fork()).ldelim();
                if (message.advanceClock != null && Object.hasOwnProperty.call(message, "advanceClock"))
                    $root.troupe.v1.AdvanceClock.encode(message.advanceClock, writer.uint32(410).fork()).ldelim();
                if (message.backup != null && Object.hasOwnProperty.call(message, "backup"))
                    $root.troupe.v1.Backup.encode(message.backup, writer.uint32(418).fork()).ldelim();
                if (message.exportChunk != null && Object.hasOwnProperty.call(message, "exportChunk"))
                    $root.troupe.v1.ExportChunk.encode(message.exportChunk, writer.uint32(426).fork()).ldelim();
                if (message.importChunk != null && Object.hasOwnProperty.call(message, "importChunk"))
                    $root.troupe.v1.ImportChunk.encode(message.importChunk, writer.uint32(434).fork()).ldelim();
                if (message.eventEmit != null && Object.hasOwnProperty.call(message, "eventEmit"))
                    $root.troupe.v1.EventEmit.encode(message.eventEmit, writer.uint32(482).fork()).ldelim();
                if (message.eventEmitBatch != null && Object.hasOwnProperty.call(message, "eventEmitBatch"))
                    $root.troupe.v1.EventEmitBatch.encode(message.eventEmitBatch, writer.uint32(490).fork()).ldelim();
                if (message.eventSubscribe != null && Object.hasOwnProperty.call(message, "eventSubscribe"))
                    $root.troupe.v1.EventSubscribe.encode(message.eventSubscribe, writer.uint32(498).fork()).ldelim();
                if (message.eventUnsubscribe != null && Object.hasOwnProperty.call(message, "eventUnsubscribe"))
                    $root.troupe.v1.EventUnsubscribe.encode(message.eventUnsubscribe, writer.uint32(506).fork()).ldelim();
                if (message.eventAck != null && Object.hasOwnProperty.call(message, "eventAck"))
                    $root.troupe.v1.EventAck.encode(message.eventAck, writer.uint32(514).fork()).ldelim();
                if (message.eventNack != null && Object.hasOwnProperty.call(message, "eventNack"))
                    $root.troupe.v1.EventNack.encode(message.eventNack, writer.uint32(522).fork()).ldelim();
                if (message.eventRemoveStep != null && Object.hasOwnProperty.call(message, "eventRemoveStep"))
                    $root.troupe.v1.EventRemoveStep.encode(message.eventRemoveStep, writer.uint32(530).fork()).ldelim();
                if (message.eventListTopics != null && Object.hasOwnProperty.call(message, "eventListTopics"))
                    $root.troupe.v1.EventListTopics.encode(message.eventListTopics, writer.uint32(538).fork()).ldelim();
                if (message.eventTopicInfo != null && Object.hasOwnProperty.call(message, "eventTopicInfo"))
                    $root.troupe.v1.EventTopicInfo.encode(message.eventTopicInfo, writer.uint32(546).fork()).ldelim();
                if (message.queueStats != null && Object.hasOwnProperty.call(message, "queueStats"))
                    $root.troupe.v1.QueueStats.encode(message.queueStats, writer.uint32(554).fork()).ldelim();
                if (message.deadLetterList != null && Object.hasOwnProperty.call(message, "deadLetterList"))
                    $root.troupe.v1.DeadLetterList.encode(message.deadLetterList, writer.uint32(562).fork()).ldelim();
                if (message.deadLetterReplay != null && Object.hasOwnProperty.call(message, "deadLetterReplay"))
                    $root.troupe.v1.DeadLetterReplay.encode(message.deadLetterReplay, writer.uint32(570).fork()).ldelim();
                if (message.deadLetterPurge != null && Object.hasOwnProperty.call(message, "deadLetterPurge"))
                    $root.troupe.v1.DeadLetterPurge.encode(message.deadLetterPurge, writer.uint32(578).fork()).ldelim();
                if (message.eventExtend != null && Object.hasOwnProperty.call(message, "eventExtend"))
                    $root.troupe.v1.EventExtend.encode(message.eventExtend, writer.uint32(586).fork()).ldelim();
                if (message.eventFetch != null && Object.hasOwnProperty.call(message, "eventFetch"))
                    $root.troupe.v1.EventFetch.encode(message.eventFetch, writer.uint32(594).fork()).ldelim();
                if (message.queuePurge != null && Object.hasOwnProperty.call(message, "queuePurge"))
                    $root.troupe.v1.QueuePurge.encode(message.queuePurge, writer.uint32(602).fork()).ldelim();
                if (message.lockAcquire != null && Object.hasOwnProperty.call(message, "lockAcquire"))
                    $root.troupe.v1.LockAcquire.encode(message.lockAcquire, writer.uint32(642).fork()).ldelim();
                if (message.lockRenew != null && Object.hasOwnProperty.call(message, "lockRenew"))
                    $root.troupe.v1.LockRenew.encode(message.lockRenew, writer.uint32(650).fork()).ldelim();
                if (message.lockRelease != null && Object.hasOwnProperty.call(message, "lockRelease"))
                    $root.troupe.v1.LockRelease.encode(message.lockRelease, writer.uint32(658).fork()).ldelim();
                if (message.lockList != null && Object.hasOwnProperty.call(message, "lockList"))
                    $root.troupe.v1.LockList.encode(message.lockList, writer.uint32(666).fork()).ldelim();
                if (message.kvCommand != null && Object.hasOwnProperty.call(message, "kvCommand"))
                    $root.troupe.v1.KvCommand.encode(message.kvCommand, writer.uint32(722).fork()).ldelim();
                if (message.kvScan != null && Object.hasOwnProperty.call(message, "kvScan"))
                    $root.troupe.v1.KvScan.encode(message.kvScan, writer.uint32(730).fork()).ldelim();
                if (message.kvCount != null && Object.hasOwnProperty.call(message, "kvCount"))
                    $root.troupe.v1.KvCount.encode(message.kvCount, writer.uint32(738).fork()).ldelim();
                if (message.kvFlush != null && Object.hasOwnProperty.call(message, "kvFlush"))
                    $root.troupe.v1.KvFlush.encode(message.kvFlush, writer.uint32(746).fork()).ldelim();
                if (message.kvEval != null && Object.hasOwnProperty.call(message, "kvEval"))
                    $root.troupe.v1.KvEval.encode(message.kvEval, writer.uint32(754).fork()).ldelim();
                if (message.kvExec != null && Object.hasOwnProperty.call(message, "kvExec"))
                    $root.troupe.v1.KvExec.encode(message.kvExec, writer.uint32(762).fork()).ldelim();
                if (message.kvWatch != null && Object.hasOwnProperty.call(message, "kvWatch"))
                    $root.troupe.v1.KvWatch.encode(message.kvWatch, writer.uint32(770).fork()).ldelim();
                if (message.kvUnblock != null && Object.hasOwnProperty.call(message, "kvUnblock"))
                    $root.troupe.v1.KvUnblock.encode(message.kvUnblock, writer.uint32(778).fork()).ldelim();
                if (message.clusterStatus != null && Object.hasOwnProperty.call(message, "clusterStatus"))
                    $root.troupe.v1.ClusterStatus.encode(message.clusterStatus, writer.uint32(802).fork()).ldelim();
                if (message.clusterDrain != null && Object.hasOwnProperty.call(message, "clusterDrain"))
                    $root.troupe.v1.ClusterDrain.encode(message.clusterDrain, writer.uint32(810).fork()).ldelim();
                if (message.clusterTransferLeader != null && Object.hasOwnProperty.call(message, "clusterTransferLeader"))
                    $root.troupe.v1.ClusterTransferLeader.encode(message.clusterTransferLeader, writer.uint32(818).fork()).ldelim();
                return writer;
            };

            Request.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Request();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.ping = $root.troupe.v1.Ping.decode(reader, reader.uint32());
                            break;
                        }
                    case 10: {
                            message.stateGet = $root.troupe.v1.StateGet.decode(reader, reader.uint32());
                            break;
                        }
                    case 11: {
                            message.stateExists = $root.troupe.v1.StateExists.decode(reader, reader.uint32());
                            break;
                        }
                    case 12: {
                            message.stateGetMany = $root.troupe.v1.StateGetMany.decode(reader, reader.uint32());
                            break;
                        }
                    case 13: {
                            message.stateSet = $root.troupe.v1.StateSet.decode(reader, reader.uint32());
                            break;
                        }
                    case 14: {
                            message.stateSetMany = $root.troupe.v1.StateSetMany.decode(reader, reader.uint32());
                            break;
                        }
                    case 15: {
                            message.stateDelete = $root.troupe.v1.StateDelete.decode(reader, reader.uint32());
                            break;
                        }
                    case 16: {
                            message.stateKeys = $root.troupe.v1.StateKeys.decode(reader, reader.uint32());
                            break;
                        }
                    case 17: {
                            message.stateClear = $root.troupe.v1.StateClear.decode(reader, reader.uint32());
                            break;
                        }
                    case 18: {
                            message.stateGetGroup = $root.troupe.v1.StateGetGroup.decode(reader, reader.uint32());
                            break;
                        }
                    case 19: {
                            message.stateTraceIds = $root.troupe.v1.StateTraceIds.decode(reader, reader.uint32());
                            break;
                        }
                    case 20: {
                            message.stateItems = $root.troupe.v1.StateItems.decode(reader, reader.uint32());
                            break;
                        }
                    case 30: {
                            message.streamGet = $root.troupe.v1.StreamGet.decode(reader, reader.uint32());
                            break;
                        }
                    case 31: {
                            message.streamSet = $root.troupe.v1.StreamSet.decode(reader, reader.uint32());
                            break;
                        }
                    case 32: {
                            message.streamDelete = $root.troupe.v1.StreamDelete.decode(reader, reader.uint32());
                            break;
                        }
                    case 33: {
                            message.streamGetGroup = $root.troupe.v1.StreamGetGroup.decode(reader, reader.uint32());
                            break;
                        }
                    case 34: {
                            message.streamClear = $root.troupe.v1.StreamClear.decode(reader, reader.uint32());
                            break;
                        }
                    case 35: {
                            message.streamQuery = $root.troupe.v1.StreamQuery.decode(reader, reader.uint32());
                            break;
                        }
                    case 36: {
                            message.streamListGroups = $root.troupe.v1.StreamListGroups.decode(reader, reader.uint32());
                            break;
                        }
                    case 37: {
                            message.streamSubscribe = $root.troupe.v1.StreamSubscribe.decode(reader, reader.uint32());
                            break;
                        }
                    case 38: {
                            message.streamUnsubscribe = $root.troupe.v1.StreamUnsubscribe.decode(reader, reader.uint32());
                            break;
                        }
                    case 39: {
                            message.streamSend = $root.troupe.v1.StreamSend.decode(reader, reader.uint32());
                            break;
                        }
                    case 50: {
                            message.stats = $root.troupe.v1.Stats.decode(reader, reader.uint32());
                            break;
                        }
                    case 51: {
                            message.advanceClock = $root.troupe.v1.AdvanceClock.decode(reader, reader.uint32());
                            break;
                        }
                    case 52: {
                            message.backup = $root.troupe.v1.Backup.decode(reader, reader.uint32());
                            break;
                        }
                    case 53: {
                            message.exportChunk = $root.troupe.v1.ExportChunk.decode(reader, reader.uint32());
                            break;
                        }
                    case 54: {
                            message.importChunk = $root.troupe.v1.ImportChunk.decode(reader, reader.uint32());
                            break;
                        }
                    case 60: {
                            message.eventEmit = $root.troupe.v1.EventEmit.decode(reader, reader.uint32());
                            break;
                        }
                    case 61: {
                            message.eventEmitBatch = $root.troupe.v1.EventEmitBatch.decode(reader, reader.uint32());
                            break;
                        }
                    case 62: {
                            message.eventSubscribe = $root.troupe.v1.EventSubscribe.decode(reader, reader.uint32());
                            break;
                        }
                    case 63: {
                            message.eventUnsubscribe = $root.troupe.v1.EventUnsubscribe.decode(reader, reader.uint32());
                            break;
                        }
                    case 64: {
                            message.eventAck = $root.troupe.v1.EventAck.decode(reader, reader.uint32());
                            break;
                        }
                    case 65: {
                            message.eventNack = $root.troupe.v1.EventNack.decode(reader, reader.uint32());
                            break;
                        }
                    case 66: {
                            message.eventRemoveStep = $root.troupe.v1.EventRemoveStep.decode(reader, reader.uint32());
                            break;
                        }
                    case 67: {
                            message.eventListTopics = $root.troupe.v1.EventListTopics.decode(reader, reader.uint32());
                            break;
                        }
                    case 68: {
                            message.eventTopicInfo = $root.troupe.v1.EventTopicInfo.decode(reader, reader.uint32());
                            break;
                        }
                    case 69: {
                            message.queueStats = $root.troupe.v1.QueueStats.decode(reader, reader.uint32());
                            break;
                        }
                    case 70: {
                            message.deadLetterList = $root.troupe.v1.DeadLetterList.decode(reader, reader.uint32());
                            break;
                        }
                    case 71: {
                            message.deadLetterReplay = $root.troupe.v1.DeadLetterReplay.decode(reader, reader.uint32());
                            break;
                        }
                    case 72: {
                            message.deadLetterPurge = $root.troupe.v1.DeadLetterPurge.decode(reader, reader.uint32());
                            break;
                        }
                    case 73: {
                            message.eventExtend = $root.troupe.v1.EventExtend.decode(reader, reader.uint32());
                            break;
                        }
                    case 74: {
                            message.eventFetch = $root.troupe.v1.EventFetch.decode(reader, reader.uint32());
                            break;
                        }
                    case 75: {
                            message.queuePurge = $root.troupe.v1.QueuePurge.decode(reader, reader.uint32());
                            break;
                        }
                    case 80: {
                            message.lockAcquire = $root.troupe.v1.LockAcquire.decode(reader, reader.uint32());
                            break;
                        }
                    case 81: {
                            message.lockRenew = $root.troupe.v1.LockRenew.decode(reader, reader.uint32());
                            break;
                        }
                    case 82: {
                            message.lockRelease = $root.troupe.v1.LockRelease.decode(reader, reader.uint32());
                            break;
                        }
                    case 83: {
                            message.lockList = $root.troupe.v1.LockList.decode(reader, reader.uint32());
                            break;
                        }
                    case 90: {
                            message.kvCommand = $root.troupe.v1.KvCommand.decode(reader, reader.uint32());
                            break;
                        }
                    case 91: {
                            message.kvScan = $root.troupe.v1.KvScan.decode(reader, reader.uint32());
                            break;
                        }
                    case 92: {
                            message.kvCount = $root.troupe.v1.KvCount.decode(reader, reader.uint32());
                            break;
                        }
                    case 93: {
                            message.kvFlush = $root.troupe.v1.KvFlush.decode(reader, reader.uint32());
                            break;
                        }
                    case 94: {
                            message.kvEval = $root.troupe.v1.KvEval.decode(reader, reader.uint32());
                            break;
                        }
                    case 95: {
                            message.kvExec = $root.troupe.v1.KvExec.decode(reader, reader.uint32());
                            break;
                        }
                    case 96: {
                            message.kvWatch = $root.troupe.v1.KvWatch.decode(reader, reader.uint32());
                            break;
                        }
                    case 97: {
                            message.kvUnblock = $root.troupe.v1.KvUnblock.decode(reader, reader.uint32());
                            break;
                        }
                    case 100: {
                            message.clusterStatus = $root.troupe.v1.ClusterStatus.decode(reader, reader.uint32());
                            break;
                        }
                    case 101: {
                            message.clusterDrain = $root.troupe.v1.ClusterDrain.decode(reader, reader.uint32());
                            break;
                        }
                    case 102: {
                            message.clusterTransferLeader = $root.troupe.v1.ClusterTransferLeader.decode(reader, reader.uint32());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Request.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.ping != null && message.hasOwnProperty("ping")) {
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.Ping.verify(message.ping);
                        if (error)
                            return "ping." + error;
                    }
                }
                if (message.stateGet != null && message.hasOwnProperty("stateGet")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateGet.verify(message.stateGet);
                        if (error)
                            return "stateGet." + error;
                    }
                }
                if (message.stateExists != null && message.hasOwnProperty("stateExists")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateExists.verify(message.stateExists);
                        if (error)
                            return "stateExists." + error;
                    }
                }
                if (message.stateGetMany != null && message.hasOwnProperty("stateGetMany")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateGetMany.verify(message.stateGetMany);
                        if (error)
                            return "stateGetMany." + error;
                    }
                }
                if (message.stateSet != null && message.hasOwnProperty("stateSet")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateSet.verify(message.stateSet);
                        if (error)
                            return "stateSet." + error;
                    }
                }
                if (message.stateSetMany != null && message.hasOwnProperty("stateSetMany")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateSetMany.verify(message.stateSetMany);
                        if (error)
                            return "stateSetMany." + error;
                    }
                }
                if (message.stateDelete != null && message.hasOwnProperty("stateDelete")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateDelete.verify(message.stateDelete);
                        if (error)
                            return "stateDelete." + error;
                    }
                }
                if (message.stateKeys != null && message.hasOwnProperty("stateKeys")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateKeys.verify(message.stateKeys);
                        if (error)
                            return "stateKeys." + error;
                    }
                }
                if (message.stateClear != null && message.hasOwnProperty("stateClear")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateClear.verify(message.stateClear);
                        if (error)
                            return "stateClear." + error;
                    }
                }
                if (message.stateGetGroup != null && message.hasOwnProperty("stateGetGroup")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateGetGroup.verify(message.stateGetGroup);
                        if (error)
                            return "stateGetGroup." + error;
                    }
                }
                if (message.stateTraceIds != null && message.hasOwnProperty("stateTraceIds")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateTraceIds.verify(message.stateTraceIds);
                        if (error)
                            return "stateTraceIds." + error;
                    }
                }
                if (message.stateItems != null && message.hasOwnProperty("stateItems")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StateItems.verify(message.stateItems);
                        if (error)
                            return "stateItems." + error;
                    }
                }
                if (message.streamGet != null && message.hasOwnProperty("streamGet")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamGet.verify(message.streamGet);
                        if (error)
                            return "streamGet." + error;
                    }
                }
                if (message.streamSet != null && message.hasOwnProperty("streamSet")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamSet.verify(message.streamSet);
                        if (error)
                            return "streamSet." + error;
                    }
                }
                if (message.streamDelete != null && message.hasOwnProperty("streamDelete")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamDelete.verify(message.streamDelete);
                        if (error)
                            return "streamDelete." + error;
                    }
                }
                if (message.streamGetGroup != null && message.hasOwnProperty("streamGetGroup")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamGetGroup.verify(message.streamGetGroup);
                        if (error)
                            return "streamGetGroup." + error;
                    }
                }
                if (message.streamClear != null && message.hasOwnProperty("streamClear")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamClear.verify(message.streamClear);
                        if (error)
                            return "streamClear." + error;
                    }
                }
                if (message.streamQuery != null && message.hasOwnProperty("streamQuery")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamQuery.verify(message.streamQuery);
                        if (error)
                            return "streamQuery." + error;
                    }
                }
                if (message.streamListGroups != null && message.hasOwnProperty("streamListGroups")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamListGroups.verify(message.streamListGroups);
                        if (error)
                            return "streamListGroups." + error;
                    }
                }
                if (message.streamSubscribe != null && message.hasOwnProperty("streamSubscribe")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamSubscribe.verify(message.streamSubscribe);
                        if (error)
                            return "streamSubscribe." + error;
                    }
                }
                if (message.streamUnsubscribe != null && message.hasOwnProperty("streamUnsubscribe")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamUnsubscribe.verify(message.streamUnsubscribe);
                        if (error)
                            return "streamUnsubscribe." + error;
                    }
                }
                if (message.streamSend != null && message.hasOwnProperty("streamSend")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.StreamSend.verify(message.streamSend);
                        if (error)
                            return "streamSend." + error;
                    }
                }
                if (message.stats != null && message.hasOwnProperty("stats")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.Stats.verify(message.stats);
                        if (error)
                            return "stats." + error;
                    }
                }
                if (message.advanceClock != null && message.hasOwnProperty("advanceClock")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.AdvanceClock.verify(message.advanceClock);
                        if (error)
                            return "advanceClock." + error;
                    }
                }
                if (message.backup != null && message.hasOwnProperty("backup")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.Backup.verify(message.backup);
                        if (error)
                            return "backup." + error;
                    }
                }
                if (message.exportChunk != null && message.hasOwnProperty("exportChunk")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.ExportChunk.verify(message.exportChunk);
                        if (error)
                            return "exportChunk." + error;
                    }
                }
                if (message.importChunk != null && message.hasOwnProperty("importChunk")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.ImportChunk.verify(message.importChunk);
                        if (error)
                            return "importChunk." + error;
                    }
                }
                if (message.eventEmit != null && message.hasOwnProperty("eventEmit")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventEmit.verify(message.eventEmit);
                        if (error)
                            return "eventEmit." + error;
                    }
                }
                if (message.eventEmitBatch != null && message.hasOwnProperty("eventEmitBatch")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventEmitBatch.verify(message.eventEmitBatch);
                        if (error)
                            return "eventEmitBatch." + error;
                    }
                }
                if (message.eventSubscribe != null && message.hasOwnProperty("eventSubscribe")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventSubscribe.verify(message.eventSubscribe);
                        if (error)
                            return "eventSubscribe." + error;
                    }
                }
                if (message.eventUnsubscribe != null && message.hasOwnProperty("eventUnsubscribe")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventUnsubscribe.verify(message.eventUnsubscribe);
                        if (error)
                            return "eventUnsubscribe." + error;
                    }
                }
                if (message.eventAck != null && message.hasOwnProperty("eventAck")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventAck.verify(message.eventAck);
                        if (error)
                            return "eventAck." + error;
                    }
                }
                if (message.eventNack != null && message.hasOwnProperty("eventNack")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventNack.verify(message.eventNack);
                        if (error)
                            return "eventNack." + error;
                    }
                }
                if (message.eventRemoveStep != null && message.hasOwnProperty("eventRemoveStep")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventRemoveStep.verify(message.eventRemoveStep);
                        if (error)
                            return "eventRemoveStep." + error;
                    }
                }
                if (message.eventListTopics != null && message.hasOwnProperty("eventListTopics")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventListTopics.verify(message.eventListTopics);
                        if (error)
                            return "eventListTopics." + error;
                    }
                }
                if (message.eventTopicInfo != null && message.hasOwnProperty("eventTopicInfo")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventTopicInfo.verify(message.eventTopicInfo);
                        if (error)
                            return "eventTopicInfo." + error;
                    }
                }
                if (message.queueStats != null && message.hasOwnProperty("queueStats")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.QueueStats.verify(message.queueStats);
                        if (error)
                            return "queueStats." + error;
                    }
                }
                if (message.deadLetterList != null && message.hasOwnProperty("deadLetterList")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.DeadLetterList.verify(message.deadLetterList);
                        if (error)
                            return "deadLetterList." + error;
                    }
                }
                if (message.deadLetterReplay != null && message.hasOwnProperty("deadLetterReplay")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.DeadLetterReplay.verify(message.deadLetterReplay);
                        if (error)
                            return "deadLetterReplay." + error;
                    }
                }
                if (message.deadLetterPurge != null && message.hasOwnProperty("deadLetterPurge")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.DeadLetterPurge.verify(message.deadLetterPurge);
                        if (error)
                            return "deadLetterPurge." + error;
                    }
                }
                if (message.eventExtend != null && message.hasOwnProperty("eventExtend")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventExtend.verify(message.eventExtend);
                        if (error)
                            return "eventExtend." + error;
                    }
                }
                if (message.eventFetch != null && message.hasOwnProperty("eventFetch")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.EventFetch.verify(message.eventFetch);
                        if (error)
                            return "eventFetch." + error;
                    }
                }
                if (message.queuePurge != null && message.hasOwnProperty("queuePurge")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.QueuePurge.verify(message.queuePurge);
                        if (error)
                            return "queuePurge." + error;
                    }
                }
                if (message.lockAcquire != null && message.hasOwnProperty("lockAcquire")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.LockAcquire.verify(message.lockAcquire);
                        if (error)
                            return "lockAcquire." + error;
                    }
                }
                if (message.lockRenew != null && message.hasOwnProperty("lockRenew")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.LockRenew.verify(message.lockRenew);
                        if (error)
                            return "lockRenew." + error;
                    }
                }
                if (message.lockRelease != null && message.hasOwnProperty("lockRelease")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.LockRelease.verify(message.lockRelease);
                        if (error)
                            return "lockRelease." + error;
                    }
                }
                if (message.lockList != null && message.hasOwnProperty("lockList")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.LockList.verify(message.lockList);
                        if (error)
                            return "lockList." + error;
                    }
                }
                if (message.kvCommand != null && message.hasOwnProperty("kvCommand")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvCommand.verify(message.kvCommand);
                        if (error)
                            return "kvCommand." + error;
                    }
                }
                if (message.kvScan != null && message.hasOwnProperty("kvScan")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvScan.verify(message.kvScan);
                        if (error)
                            return "kvScan." + error;
                    }
                }
                if (message.kvCount != null && message.hasOwnProperty("kvCount")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvCount.verify(message.kvCount);
                        if (error)
                            return "kvCount." + error;
                    }
                }
                if (message.kvFlush != null && message.hasOwnProperty("kvFlush")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvFlush.verify(message.kvFlush);
                        if (error)
                            return "kvFlush." + error;
                    }
                }
                if (message.kvEval != null && message.hasOwnProperty("kvEval")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvEval.verify(message.kvEval);
                        if (error)
                            return "kvEval." + error;
                    }
                }
                if (message.kvExec != null && message.hasOwnProperty("kvExec")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvExec.verify(message.kvExec);
                        if (error)
                            return "kvExec." + error;
                    }
                }
                if (message.kvWatch != null && message.hasOwnProperty("kvWatch")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvWatch.verify(message.kvWatch);
                        if (error)
                            return "kvWatch." + error;
                    }
                }
                if (message.kvUnblock != null && message.hasOwnProperty("kvUnblock")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.KvUnblock.verify(message.kvUnblock);
                        if (error)
                            return "kvUnblock." + error;
                    }
                }
                if (message.clusterStatus != null && message.hasOwnProperty("clusterStatus")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.ClusterStatus.verify(message.clusterStatus);
                        if (error)
                            return "clusterStatus." + error;
                    }
                }
                if (message.clusterDrain != null && message.hasOwnProperty("clusterDrain")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.ClusterDrain.verify(message.clusterDrain);
                        if (error)
                            return "clusterDrain." + error;
                    }
                }
                if (message.clusterTransferLeader != null && message.hasOwnProperty("clusterTransferLeader")) {
                    if (properties.op === 1)
                        return "op: multiple values";
                    properties.op = 1;
                    {
                        let error = $root.troupe.v1.ClusterTransferLeader.verify(message.clusterTransferLeader);
                        if (error)
                            return "clusterTransferLeader." + error;
                    }
                }
                return null;
            };

            Request.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Request)
                    return object;
                let message = new $root.troupe.v1.Request();
                if (object.ping != null) {
                    if (typeof object.ping !== "object")
                        throw TypeError(".troupe.v1.Request.ping: object expected");
                    message.ping = $root.troupe.v1.Ping.fromObject(object.ping);
                }
                if (object.stateGet != null) {
                    if (typeof object.stateGet !== "object")
                        throw TypeError(".troupe.v1.Request.stateGet: object expected");
                    message.stateGet = $root.troupe.v1.StateGet.fromObject(object.stateGet);
                }
                if (object.stateExists != null) {
                    if (typeof object.stateExists !== "object")
                        throw TypeError(".troupe.v1.Request.stateExists: object expected");
                    message.stateExists = $root.troupe.v1.StateExists.fromObject(object.stateExists);
                }
                if (object.stateGetMany != null) {
                    if (typeof object.stateGetMany !== "object")
                        throw TypeError(".troupe.v1.Request.stateGetMany: object expected");
                    message.stateGetMany = $root.troupe.v1.StateGetMany.fromObject(object.stateGetMany);
                }
                if (object.stateSet != null) {
                    if (typeof object.stateSet !== "object")
                        throw TypeError(".troupe.v1.Request.stateSet: object expected");
                    message.stateSet = $root.troupe.v1.StateSet.fromObject(object.stateSet);
                }
                if (object.stateSetMany != null) {
                    if (typeof object.stateSetMany !== "object")
                        throw TypeError(".troupe.v1.Request.stateSetMany: object expected");
                    message.stateSetMany = $root.troupe.v1.StateSetMany.fromObject(object.stateSetMany);
                }
                if (object.stateDelete != null) {
                    if (typeof object.stateDelete !== "object")
                        throw TypeError(".troupe.v1.Request.stateDelete: object expected");
                    message.stateDelete = $root.troupe.v1.StateDelete.fromObject(object.stateDelete);
                }
                if (object.stateKeys != null) {
                    if (typeof object.stateKeys !== "object")
                        throw TypeError(".troupe.v1.Request.stateKeys: object expected");
                    message.stateKeys = $root.troupe.v1.StateKeys.fromObject(object.stateKeys);
                }
                if (object.stateClear != null) {
                    if (typeof object.stateClear !== "object")
                        throw TypeError(".troupe.v1.Request.stateClear: object expected");
                    message.stateClear = $root.troupe.v1.StateClear.fromObject(object.stateClear);
                }
                if (object.stateGetGroup != null) {
                    if (typeof object.stateGetGroup !== "object")
                        throw TypeError(".troupe.v1.Request.stateGetGroup: object expected");
                    message.stateGetGroup = $root.troupe.v1.StateGetGroup.fromObject(object.stateGetGroup);
                }
                if (object.stateTraceIds != null) {
                    if (typeof object.stateTraceIds !== "object")
                        throw TypeError(".troupe.v1.Request.stateTraceIds: object expected");
                    message.stateTraceIds = $root.troupe.v1.StateTraceIds.fromObject(object.stateTraceIds);
                }
                if (object.stateItems != null) {
                    if (typeof object.stateItems !== "object")
                        throw TypeError(".troupe.v1.Request.stateItems: object expected");
                    message.stateItems = $root.troupe.v1.StateItems.fromObject(object.stateItems);
                }
                if (object.streamGet != null) {
                    if (typeof object.streamGet !== "object")
                        throw TypeError(".troupe.v1.Request.streamGet: object expected");
                    message.streamGet = $root.troupe.v1.StreamGet.fromObject(object.streamGet);
                }
                if (object.streamSet != null) {
                    if (typeof object.streamSet !== "object")
                        throw TypeError(".troupe.v1.Request.streamSet: object expected");
                    message.streamSet = $root.troupe.v1.StreamSet.fromObject(object.streamSet);
                }
                if (object.streamDelete != null) {
                    if (typeof object.streamDelete !== "object")
                        throw TypeError(".troupe.v1.Request.streamDelete: object expected");
                    message.streamDelete = $root.troupe.v1.StreamDelete.fromObject(object.streamDelete);
                }
                if (object.streamGetGroup != null) {
                    if (typeof object.streamGetGroup !== "object")
                        throw TypeError(".troupe.v1.Request.streamGetGroup: object expected");
                    message.streamGetGroup = $root.troupe.v1.StreamGetGroup.fromObject(object.streamGetGroup);
                }
                if (object.streamClear != null) {
                    if (typeof object.streamClear !== "object")
                        throw TypeError(".troupe.v1.Request.streamClear: object expected");
                    message.streamClear = $root.troupe.v1.StreamClear.fromObject(object.streamClear);
                }
                if (object.streamQuery != null) {
                    if (typeof object.streamQuery !== "object")
                        throw TypeError(".troupe.v1.Request.streamQuery: object expected");
                    message.streamQuery = $root.troupe.v1.StreamQuery.fromObject(object.streamQuery);
                }
                if (object.streamListGroups != null) {
                    if (typeof object.streamListGroups !== "object")
                        throw TypeError(".troupe.v1.Request.streamListGroups: object expected");
                    message.streamListGroups = $root.troupe.v1.StreamListGroups.fromObject(object.streamListGroups);
                }
                if (object.streamSubscribe != null) {
                    if (typeof object.streamSubscribe !== "object")
                        throw TypeError(".troupe.v1.Request.streamSubscribe: object expected");
                    message.streamSubscribe = $root.troupe.v1.StreamSubscribe.fromObject(object.streamSubscribe);
                }
                if (object.streamUnsubscribe != null) {
                    if (typeof object.streamUnsubscribe !== "object")
                        throw TypeError(".troupe.v1.Request.streamUnsubscribe: object expected");
                    message.streamUnsubscribe = $root.troupe.v1.StreamUnsubscribe.fromObject(object.streamUnsubscribe);
                }
                if (object.streamSend != null) {
                    if (typeof object.streamSend !== "object")
                        throw TypeError(".troupe.v1.Request.streamSend: object expected");
                    message.streamSend = $root.troupe.v1.StreamSend.fromObject(object.streamSend);
                }
                if (object.stats != null) {
                    if (typeof object.stats !== "object")
                        throw TypeError(".troupe.v1.Request.stats: object expected");
                    message.stats = $root.troupe.v1.Stats.fromObject(object.stats);
                }
                if (object.advanceClock != null) {
                    if (typeof object.advanceClock !== "object")
                        throw TypeError(".troupe.v1.Request.advanceClock: object expected");
                    message.advanceClock = $root.troupe.v1.AdvanceClock.fromObject(object.advanceClock);
                }
                if (object.backup != null) {
                    if (typeof object.backup !== "object")
                        throw TypeError(".troupe.v1.Request.backup: object expected");
                    message.backup = $root.troupe.v1.Backup.fromObject(object.backup);
                }
                if (object.exportChunk != null) {
                    if (typeof object.exportChunk !== "object")
                        throw TypeError(".troupe.v1.Request.exportChunk: object expected");
                    message.exportChunk = $root.troupe.v1.ExportChunk.fromObject(object.exportChunk);
                }
                if (object.importChunk != null) {
                    if (typeof object.importChunk !== "object")
                        throw TypeError(".troupe.v1.Request.importChunk: object expected");
                    message.importChunk = $root.troupe.v1.ImportChunk.fromObject(object.importChunk);
                }
                if (object.eventEmit != null) {
                    if (typeof object.eventEmit !== "object")
                        throw TypeError(".troupe.v1.Request.eventEmit: object expected");
                    message.eventEmit = $root.troupe.v1.EventEmit.fromObject(object.eventEmit);
                }
                if (object.eventEmitBatch != null) {
                    if (typeof object.eventEmitBatch !== "object")
                        throw TypeError(".troupe.v1.Request.eventEmitBatch: object expected");
                    message.eventEmitBatch = $root.troupe.v1.EventEmitBatch.fromObject(object.eventEmitBatch);
                }
                if (object.eventSubscribe != null) {
                    if (typeof object.eventSubscribe !== "object")
                        throw TypeError(".troupe.v1.Request.eventSubscribe: object expected");
                    message.eventSubscribe = $root.troupe.v1.EventSubscribe.fromObject(object.eventSubscribe);
                }
                if (object.eventUnsubscribe != null) {
                    if (typeof object.eventUnsubscribe !== "object")
                        throw TypeError(".troupe.v1.Request.eventUnsubscribe: object expected");
                    message.eventUnsubscribe = $root.troupe.v1.EventUnsubscribe.fromObject(object.eventUnsubscribe);
                }
                if (object.eventAck != null) {
                    if (typeof object.eventAck !== "object")
                        throw TypeError(".troupe.v1.Request.eventAck: object expected");
                    message.eventAck = $root.troupe.v1.EventAck.fromObject(object.eventAck);
                }
                if (object.eventNack != null) {
                    if (typeof object.eventNack !== "object")
                        throw TypeError(".troupe.v1.Request.eventNack: object expected");
                    message.eventNack = $root.troupe.v1.EventNack.fromObject(object.eventNack);
                }
                if (object.eventRemoveStep != null) {
                    if (typeof object.eventRemoveStep !== "object")
                        throw TypeError(".troupe.v1.Request.eventRemoveStep: object expected");
                    message.eventRemoveStep = $root.troupe.v1.EventRemoveStep.fromObject(object.eventRemoveStep);
                }
                if (object.eventListTopics != null) {
                    if (typeof object.eventListTopics !== "object")
                        throw TypeError(".troupe.v1.Request.eventListTopics: object expected");
                    message.eventListTopics = $root.troupe.v1.EventListTopics.fromObject(object.eventListTopics);
                }
                if (object.eventTopicInfo != null) {
                    if (typeof object.eventTopicInfo !== "object")
                        throw TypeError(".troupe.v1.Request.eventTopicInfo: object expected");
                    message.eventTopicInfo = $root.troupe.v1.EventTopicInfo.fromObject(object.eventTopicInfo);
                }
                if (object.queueStats != null) {
                    if (typeof object.queueStats !== "object")
                        throw TypeError(".troupe.v1.Request.queueStats: object expected");
                    message.queueStats = $root.troupe.v1.QueueStats.fromObject(object.queueStats);
                }
                if (object.deadLetterList != null) {
                    if (typeof object.deadLetterList !== "object")
                        throw TypeError(".troupe.v1.Request.deadLetterList: object expected");
                    message.deadLetterList = $root.troupe.v1.DeadLetterList.fromObject(object.deadLetterList);
                }
                if (object.deadLetterReplay != null) {
                    if (typeof object.deadLetterReplay !== "object")
                        throw TypeError(".troupe.v1.Request.deadLetterReplay: object expected");
                    message.deadLetterReplay = $root.troupe.v1.DeadLetterReplay.fromObject(object.deadLetterReplay);
                }
                if (object.deadLetterPurge != null) {
                    if (typeof object.deadLetterPurge !== "object")
                        throw TypeError(".troupe.v1.Request.deadLetterPurge: object expected");
                    message.deadLetterPurge = $root.troupe.v1.DeadLetterPurge.fromObject(object.deadLetterPurge);
                }
                if (object.eventExtend != null) {
                    if (typeof object.eventExtend !== "object")
                        throw TypeError(".troupe.v1.Request.eventExtend: object expected");
                    message.eventExtend = $root.troupe.v1.EventExtend.fromObject(object.eventExtend);
                }
                if (object.eventFetch != null) {
                    if (typeof object.eventFetch !== "object")
                        throw TypeError(".troupe.v1.Request.eventFetch: object expected");
                    message.eventFetch = $root.troupe.v1.EventFetch.fromObject(object.eventFetch);
                }
                if (object.queuePurge != null) {
                    if (typeof object.queuePurge !== "object")
                        throw TypeError(".troupe.v1.Request.queuePurge: object expected");
                    message.queuePurge = $root.troupe.v1.QueuePurge.fromObject(object.queuePurge);
                }
                if (object.lockAcquire != null) {
                    if (typeof object.lockAcquire !== "object")
                        throw TypeError(".troupe.v1.Request.lockAcquire: object expected");
                    message.lockAcquire = $root.troupe.v1.LockAcquire.fromObject(object.lockAcquire);
                }
                if (object.lockRenew != null) {
                    if (typeof object.lockRenew !== "object")
                        throw TypeError(".troupe.v1.Request.lockRenew: object expected");
                    message.lockRenew = $root.troupe.v1.LockRenew.fromObject(object.lockRenew);
                }
                if (object.lockRelease != null) {
                    if (typeof object.lockRelease !== "object")
                        throw TypeError(".troupe.v1.Request.lockRelease: object expected");
                    message.lockRelease = $root.troupe.v1.LockRelease.fromObject(object.lockRelease);
                }
                if (object.lockList != null) {
                    if (typeof object.lockList !== "object")
                        throw TypeError(".troupe.v1.Request.lockList: object expected");
                    message.lockList = $root.troupe.v1.LockList.fromObject(object.lockList);
                }
                if (object.kvCommand != null) {
                    if (typeof object.kvCommand !== "object")
                        throw TypeError(".troupe.v1.Request.kvCommand: object expected");
                    message.kvCommand = $root.troupe.v1.KvCommand.fromObject(object.kvCommand);
                }
                if (object.kvScan != null) {
                    if (typeof object.kvScan !== "object")
                        throw TypeError(".troupe.v1.Request.kvScan: object expected");
                    message.kvScan = $root.troupe.v1.KvScan.fromObject(object.kvScan);
                }
                if (object.kvCount != null) {
                    if (typeof object.kvCount !== "object")
                        throw TypeError(".troupe.v1.Request.kvCount: object expected");
                    message.kvCount = $root.troupe.v1.KvCount.fromObject(object.kvCount);
                }
                if (object.kvFlush != null) {
                    if (typeof object.kvFlush !== "object")
                        throw TypeError(".troupe.v1.Request.kvFlush: object expected");
                    message.kvFlush = $root.troupe.v1.KvFlush.fromObject(object.kvFlush);
                }
                if (object.kvEval != null) {
                    if (typeof object.kvEval !== "object")
                        throw TypeError(".troupe.v1.Request.kvEval: object expected");
                    message.kvEval = $root.troupe.v1.KvEval.fromObject(object.kvEval);
                }
                if (object.kvExec != null) {
                    if (typeof object.kvExec !== "object")
                        throw TypeError(".troupe.v1.Request.kvExec: object expected");
                    message.kvExec = $root.troupe.v1.KvExec.fromObject(object.kvExec);
                }
                if (object.kvWatch != null) {
                    if (typeof object.kvWatch !== "object")
                        throw TypeError(".troupe.v1.Request.kvWatch: object expected");
                    message.kvWatch = $root.troupe.v1.KvWatch.fromObject(object.kvWatch);
                }
                if (object.kvUnblock != null) {
                    if (typeof object.kvUnblock !== "object")
                        throw TypeError(".troupe.v1.Request.kvUnblock: object expected");
                    message.kvUnblock = $root.troupe.v1.KvUnblock.fromObject(object.kvUnblock);
                }
                if (object.clusterStatus != null) {
                    if (typeof object.clusterStatus !== "object")
                        throw TypeError(".troupe.v1.Request.clusterStatus: object expected");
                    message.clusterStatus = $root.troupe.v1.ClusterStatus.fromObject(object.clusterStatus);
                }
                if (object.clusterDrain != null) {
                    if (typeof object.clusterDrain !== "object")
                        throw TypeError(".troupe.v1.Request.clusterDrain: object expected");
                    message.clusterDrain = $root.troupe.v1.ClusterDrain.fromObject(object.clusterDrain);
                }
                if (object.clusterTransferLeader != null) {
                    if (typeof object.clusterTransferLeader !== "object")
                        throw TypeError(".troupe.v1.Request.clusterTransferLeader: object expected");
                    message.clusterTransferLeader = $root.troupe.v1.ClusterTransferLeader.fromObject(object.clusterTransferLeader);
                }
                return message;
            };

            Request.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (message.ping != null && message.hasOwnProperty("ping")) {
                    object.ping = $root.troupe.v1.Ping.toObject(message.ping, options);
                    if (options.oneofs)
                        object.op = "ping";
                }
                if (message.stateGet != null && message.hasOwnProperty("stateGet")) {
                    object.stateGet = $root.troupe.v1.StateGet.toObject(message.stateGet, options);
                    if (options.oneofs)
                        object.op = "stateGet";
                }
                if (message.stateExists != null && message.hasOwnProperty("stateExists")) {
                    object.stateExists = $root.troupe.v1.StateExists.toObject(message.stateExists, options);
                    if (options.oneofs)
                        object.op = "stateExists";
                }
                if (message.stateGetMany != null && message.hasOwnProperty("stateGetMany")) {
                    object.stateGetMany = $root.troupe.v1.StateGetMany.toObject(message.stateGetMany, options);
                    if (options.oneofs)
                        object.op = "stateGetMany";
                }
                if (message.stateSet != null && message.hasOwnProperty("stateSet")) {
                    object.stateSet = $root.troupe.v1.StateSet.toObject(message.stateSet, options);
                    if (options.oneofs)
                        object.op = "stateSet";
                }
                if (message.stateSetMany != null && message.hasOwnProperty("stateSetMany")) {
                    object.stateSetMany = $root.troupe.v1.StateSetMany.toObject(message.stateSetMany, options);
                    if (options.oneofs)
                        object.op = "stateSetMany";
                }
                if (message.stateDelete != null && message.hasOwnProperty("stateDelete")) {
                    object.stateDelete = $root.troupe.v1.StateDelete.toObject(message.stateDelete, options);
                    if (options.oneofs)
                        object.op = "stateDelete";
                }
                if (message.stateKeys != null && message.hasOwnProperty("stateKeys")) {
                    object.stateKeys = $root.troupe.v1.StateKeys.toObject(message.stateKeys, options);
                    if (options.oneofs)
                        object.op = "stateKeys";
                }
                if (message.stateClear != null && message.hasOwnProperty("stateClear")) {
                    object.stateClear = $root.troupe.v1.StateClear.toObject(message.stateClear, options);
                    if (options.oneofs)
                        object.op = "stateClear";
                }
                if (message.stateGetGroup != null && message.hasOwnProperty("stateGetGroup")) {
                    object.stateGetGroup = $root.troupe.v1.StateGetGroup.toObject(message.stateGetGroup, options);
                    if (options.oneofs)
                        object.op = "stateGetGroup";
                }
                if (message.stateTraceIds != null && message.hasOwnProperty("stateTraceIds")) {
                    object.stateTraceIds = $root.troupe.v1.StateTraceIds.toObject(message.stateTraceIds, options);
                    if (options.oneofs)
                        object.op = "stateTraceIds";
                }
                if (message.stateItems != null && message.hasOwnProperty("stateItems")) {
                    object.stateItems = $root.troupe.v1.StateItems.toObject(message.stateItems, options);
                    if (options.oneofs)
                        object.op = "stateItems";
                }
                if (message.streamGet != null && message.hasOwnProperty("streamGet")) {
                    object.streamGet = $root.troupe.v1.StreamGet.toObject(message.streamGet, options);
                    if (options.oneofs)
                        object.op = "streamGet";
                }
                if (message.streamSet != null && message.hasOwnProperty("streamSet")) {
                    object.streamSet = $root.troupe.v1.StreamSet.toObject(message.streamSet, options);
                    if (options.oneofs)
                        object.op = "streamSet";
                }
                if (message.streamDelete != null && message.hasOwnProperty("streamDelete")) {
                    object.streamDelete = $root.troupe.v1.StreamDelete.toObject(message.streamDelete, options);
                    if (options.oneofs)
                        object.op = "streamDelete";
                }
                if (message.streamGetGroup != null && message.hasOwnProperty("streamGetGroup")) {
                    object.streamGetGroup = $root.troupe.v1.StreamGetGroup.toObject(message.streamGetGroup, options);
                    if (options.oneofs)
                        object.op = "streamGetGroup";
                }
                if (message.streamClear != null && message.hasOwnProperty("streamClear")) {
                    object.streamClear = $root.troupe.v1.StreamClear.toObject(message.streamClear, options);
                    if (options.oneofs)
                        object.op = "streamClear";
                }
                if (message.streamQuery != null && message.hasOwnProperty("streamQuery")) {
                    object.streamQuery = $root.troupe.v1.StreamQuery.toObject(message.streamQuery, options);
                    if (options.oneofs)
                        object.op = "streamQuery";
                }
                if (message.streamListGroups != null && message.hasOwnProperty("streamListGroups")) {
                    object.streamListGroups = $root.troupe.v1.StreamListGroups.toObject(message.streamListGroups, options);
                    if (options.oneofs)
                        object.op = "streamListGroups";
                }
                if (message.streamSubscribe != null && message.hasOwnProperty("streamSubscribe")) {
                    object.streamSubscribe = $root.troupe.v1.StreamSubscribe.toObject(message.streamSubscribe, options);
                    if (options.oneofs)
                        object.op = "streamSubscribe";
                }
                if (message.streamUnsubscribe != null && message.hasOwnProperty("streamUnsubscribe")) {
                    object.streamUnsubscribe = $root.troupe.v1.StreamUnsubscribe.toObject(message.streamUnsubscribe, options);
                    if (options.oneofs)
                        object.op = "streamUnsubscribe";
                }
                if (message.streamSend != null && message.hasOwnProperty("streamSend")) {
                    object.streamSend = $root.troupe.v1.StreamSend.toObject(message.streamSend, options);
                    if (options.oneofs)
                        object.op = "streamSend";
                }
                if (message.stats != null && message.hasOwnProperty("stats")) {
                    object.stats = $root.troupe.v1.Stats.toObject(message.stats, options);
                    if (options.oneofs)
                        object.op = "stats";
                }
                if (message.advanceClock != null && message.hasOwnProperty("advanceClock")) {
                    object.advanceClock = $root.troupe.v1.AdvanceClock.toObject(message.advanceClock, options);
                    if (options.oneofs)
                        object.op = "advanceClock";
                }
                if (message.backup != null && message.hasOwnProperty("backup")) {
                    object.backup = $root.troupe.v1.Backup.toObject(message.backup, options);
                    if (options.oneofs)
                        object.op = "backup";
                }
                if (message.exportChunk != null && message.hasOwnProperty("exportChunk")) {
                    object.exportChunk = $root.troupe.v1.ExportChunk.toObject(message.exportChunk, options);
                    if (options.oneofs)
                        object.op = "exportChunk";
                }
                if (message.importChunk != null && message.hasOwnProperty("importChunk")) {
                    object.importChunk = $root.troupe.v1.ImportChunk.toObject(message.importChunk, options);
                    if (options.oneofs)
                        object.op = "importChunk";
                }
                if (message.eventEmit != null && message.hasOwnProperty("eventEmit")) {
                    object.eventEmit = $root.troupe.v1.EventEmit.toObject(message.eventEmit, options);
                    if (options.oneofs)
                        object.op = "eventEmit";
                }
                if (message.eventEmitBatch != null && message.hasOwnProperty("eventEmitBatch")) {
                    object.eventEmitBatch = $root.troupe.v1.EventEmitBatch.toObject(message.eventEmitBatch, options);
                    if (options.oneofs)
                        object.op = "eventEmitBatch";
                }
                if (message.eventSubscribe != null && message.hasOwnProperty("eventSubscribe")) {
                    object.eventSubscribe = $root.troupe.v1.EventSubscribe.toObject(message.eventSubscribe, options);
                    if (options.oneofs)
                        object.op = "eventSubscribe";
                }
                if (message.eventUnsubscribe != null && message.hasOwnProperty("eventUnsubscribe")) {
                    object.eventUnsubscribe = $root.troupe.v1.EventUnsubscribe.toObject(message.eventUnsubscribe, options);
                    if (options.oneofs)
                        object.op = "eventUnsubscribe";
                }
                if (message.eventAck != null && message.hasOwnProperty("eventAck")) {
                    object.eventAck = $root.troupe.v1.EventAck.toObject(message.eventAck, options);
                    if (options.oneofs)
                        object.op = "eventAck";
                }
                if (message.eventNack != null && message.hasOwnProperty("eventNack")) {
                    object.eventNack = $root.troupe.v1.EventNack.toObject(message.eventNack, options);
                    if (options.oneofs)
                        object.op = "eventNack";
                }
                if (message.eventRemoveStep != null && message.hasOwnProperty("eventRemoveStep")) {
                    object.eventRemoveStep = $root.troupe.v1.EventRemoveStep.toObject(message.eventRemoveStep, options);
                    if (options.oneofs)
                        object.op = "eventRemoveStep";
                }
                if (message.eventListTopics != null && message.hasOwnProperty("eventListTopics")) {
                    object.eventListTopics = $root.troupe.v1.EventListTopics.toObject(message.eventListTopics, options);
                    if (options.oneofs)
                        object.op = "eventListTopics";
                }
                if (message.eventTopicInfo != null && message.hasOwnProperty("eventTopicInfo")) {
                    object.eventTopicInfo = $root.troupe.v1.EventTopicInfo.toObject(message.eventTopicInfo, options);
                    if (options.oneofs)
                        object.op = "eventTopicInfo";
                }
                if (message.queueStats != null && message.hasOwnProperty("queueStats")) {
                    object.queueStats = $root.troupe.v1.QueueStats.toObject(message.queueStats, options);
                    if (options.oneofs)
                        object.op = "queueStats";
                }
                if (message.deadLetterList != null && message.hasOwnProperty("deadLetterList")) {
                    object.deadLetterList = $root.troupe.v1.DeadLetterList.toObject(message.deadLetterList, options);
                    if (options.oneofs)
                        object.op = "deadLetterList";
                }
                if (message.deadLetterReplay != null && message.hasOwnProperty("deadLetterReplay")) {
                    object.deadLetterReplay = $root.troupe.v1.DeadLetterReplay.toObject(message.deadLetterReplay, options);
                    if (options.oneofs)
                        object.op = "deadLetterReplay";
                }
                if (message.deadLetterPurge != null && message.hasOwnProperty("deadLetterPurge")) {
                    object.deadLetterPurge = $root.troupe.v1.DeadLetterPurge.toObject(message.deadLetterPurge, options);
                    if (options.oneofs)
                        object.op = "deadLetterPurge";
                }
                if (message.eventExtend != null && message.hasOwnProperty("eventExtend")) {
                    object.eventExtend = $root.troupe.v1.EventExtend.toObject(message.eventExtend, options);
                    if (options.oneofs)
                        object.op = "eventExtend";
                }
                if (message.eventFetch != null && message.hasOwnProperty("eventFetch")) {
                    object.eventFetch = $root.troupe.v1.EventFetch.toObject(message.eventFetch, options);
                    if (options.oneofs)
                        object.op = "eventFetch";
                }
                if (message.queuePurge != null && message.hasOwnProperty("queuePurge")) {
                    object.queuePurge = $root.troupe.v1.QueuePurge.toObject(message.queuePurge, options);
                    if (options.oneofs)
                        object.op = "queuePurge";
                }
                if (message.lockAcquire != null && message.hasOwnProperty("lockAcquire")) {
                    object.lockAcquire = $root.troupe.v1.LockAcquire.toObject(message.lockAcquire, options);
                    if (options.oneofs)
                        object.op = "lockAcquire";
                }
                if (message.lockRenew != null && message.hasOwnProperty("lockRenew")) {
                    object.lockRenew = $root.troupe.v1.LockRenew.toObject(message.lockRenew, options);
                    if (options.oneofs)
                        object.op = "lockRenew";
                }
                if (message.lockRelease != null && message.hasOwnProperty("lockRelease")) {
                    object.lockRelease = $root.troupe.v1.LockRelease.toObject(message.lockRelease, options);
                    if (options.oneofs)
                        object.op = "lockRelease";
                }
                if (message.lockList != null && message.hasOwnProperty("lockList")) {
                    object.lockList = $root.troupe.v1.LockList.toObject(message.lockList, options);
                    if (options.oneofs)
                        object.op = "lockList";
                }
                if (message.kvCommand != null && message.hasOwnProperty("kvCommand")) {
                    object.kvCommand = $root.troupe.v1.KvCommand.toObject(message.kvCommand, options);
                    if (options.oneofs)
                        object.op = "kvCommand";
                }
                if (message.kvScan != null && message.hasOwnProperty("kvScan")) {
                    object.kvScan = $root.troupe.v1.KvScan.toObject(message.kvScan, options);
                    if (options.oneofs)
                        object.op = "kvScan";
                }
                if (message.kvCount != null && message.hasOwnProperty("kvCount")) {
                    object.kvCount = $root.troupe.v1.KvCount.toObject(message.kvCount, options);
                    if (options.oneofs)
                        object.op = "kvCount";
                }
                if (message.kvFlush != null && message.hasOwnProperty("kvFlush")) {
                    object.kvFlush = $root.troupe.v1.KvFlush.toObject(message.kvFlush, options);
                    if (options.oneofs)
                        object.op = "kvFlush";
                }
                if (message.kvEval != null && message.hasOwnProperty("kvEval")) {
                    object.kvEval = $root.troupe.v1.KvEval.toObject(message.kvEval, options);
                    if (options.oneofs)
                        object.op = "kvEval";
                }
                if (message.kvExec != null && message.hasOwnProperty("kvExec")) {
                    object.kvExec = $root.troupe.v1.KvExec.toObject(message.kvExec, options);
                    if (options.oneofs)
                        object.op = "kvExec";
                }
                if (message.kvWatch != null && message.hasOwnProperty("kvWatch")) {
                    object.kvWatch = $root.troupe.v1.KvWatch.toObject(message.kvWatch, options);
                    if (options.oneofs)
                        object.op = "kvWatch";
                }
                if (message.kvUnblock != null && message.hasOwnProperty("kvUnblock")) {
                    object.kvUnblock = $root.troupe.v1.KvUnblock.toObject(message.kvUnblock, options);
                    if (options.oneofs)
                        object.op = "kvUnblock";
                }
                if (message.clusterStatus != null && message.hasOwnProperty("clusterStatus")) {
                    object.clusterStatus = $root.troupe.v1.ClusterStatus.toObject(message.clusterStatus, options);
                    if (options.oneofs)
                        object.op = "clusterStatus";
                }
                if (message.clusterDrain != null && message.hasOwnProperty("clusterDrain")) {
                    object.clusterDrain = $root.troupe.v1.ClusterDrain.toObject(message.clusterDrain, options);
                    if (options.oneofs)
                        object.op = "clusterDrain";
                }
                if (message.clusterTransferLeader != null && message.hasOwnProperty("clusterTransferLeader")) {
                    object.clusterTransferLeader = $root.troupe.v1.ClusterTransferLeader.toObject(message.clusterTransferLeader, options);
                    if (options.oneofs)
                        object.op = "clusterTransferLeader";
                }
                return object;
            };

            Request.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Request;
        })();

        v1.Value = (function() {

            function Value(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Value.prototype.found = false;
            Value.prototype.value = $util.newBuffer([]);
            Value.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Value.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Value.create = function create(properties) {
                return new Value(properties);
            };

            Value.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.found != null && Object.hasOwnProperty.call(message, "found"))
                    writer.uint32(8).bool(message.found);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(18).bytes(message.value);
                if (message.revision != null && Object.hasOwnProperty.call(message, "revision"))
                    writer.uint32(24).uint64(message.revision);
                if (message.expiresAtMs != null && Object.hasOwnProperty.call(message, "expiresAtMs"))
                    writer.uint32(32).int64(message.expiresAtMs);
                return writer;
            };

            Value.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Value();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.found = reader.bool();
                            break;
                        }
                    case 2: {
                            message.value = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.revision = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.expiresAtMs = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Value.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.found != null && message.hasOwnProperty("found"))
                    if (typeof message.found !== "boolean")
                        return "found: boolean expected";
                if (message.value != null && message.hasOwnProperty("value"))
                    if (!(message.value && typeof message.value.length === "number" || $util.isString(message.value)))
                        return "value: buffer expected";
                if (message.revision != null && message.hasOwnProperty("revision"))
                    if (!$util.isInteger(message.revision) && !(message.revision && $util.isInteger(message.revision.low) && $util.isInteger(message.revision.high)))
                        return "revision: integer|Long expected";
                if (message.expiresAtMs != null && message.hasOwnProperty("expiresAtMs"))
                    if (!$util.isInteger(message.expiresAtMs) && !(message.expiresAtMs && $util.isInteger(message.expiresAtMs.low) && $util.isInteger(message.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                return null;
            };

            Value.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Value)
                    return object;
                let message = new $root.troupe.v1.Value();
                if (object.found != null)
                    message.found = Boolean(object.found);
                if (object.value != null)
                    if (typeof object.value === "string")
                        $util.base64.decode(object.value, message.value = $util.newBuffer($util.base64.length(object.value)), 0);
                    else if (object.value.length >= 0)
                        message.value = object.value;
                if (object.revision != null)
                    if ($util.Long)
                        (message.revision = $util.Long.fromValue(object.revision)).unsigned = true;
                    else if (typeof object.revision === "string")
                        message.revision = parseInt(object.revision, 10);
                    else if (typeof object.revision === "number")
                        message.revision = object.revision;
                    else if (typeof object.revision === "object")
                        message.revision = new $util.LongBits(object.revision.low >>> 0, object.revision.high >>> 0).toNumber(true);
                if (object.expiresAtMs != null)
                    if ($util.Long)
                        (message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs)).unsigned = false;
                    else if (typeof object.expiresAtMs === "string")
                        message.expiresAtMs = parseInt(object.expiresAtMs, 10);
                    else if (typeof object.expiresAtMs === "number")
                        message.expiresAtMs = object.expiresAtMs;
                    else if (typeof object.expiresAtMs === "object")
                        message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber();
                return message;
            };

            Value.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.found = false;
                    if (options.bytes === String)
                        object.value = "";
                    else {
                        object.value = [];
                        if (options.bytes !== Array)
                            object.value = $util.newBuffer(object.value);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.revision = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.revision = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.expiresAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.expiresAtMs = options.longs === String ? "0" : 0;
                }
                if (message.found != null && message.hasOwnProperty("found"))
                    object.found = message.found;
                if (message.value != null && message.hasOwnProperty("value"))
                    object.value = options.bytes === String ? $util.base64.encode(message.value, 0, message.value.length) : options.bytes === Array ? Array.prototype.slice.call(message.value) : message.value;
                if (message.revision != null && message.hasOwnProperty("revision"))
                    if (typeof message.revision === "number")
                        object.revision = options.longs === String ? String(message.revision) : message.revision;
                    else
                        object.revision = options.longs === String ? $util.Long.prototype.toString.call(message.revision) : options.longs === Number ? new $util.LongBits(message.revision.low >>> 0, message.revision.high >>> 0).toNumber(true) : message.revision;
                if (message.expiresAtMs != null && message.hasOwnProperty("expiresAtMs"))
                    if (typeof message.expiresAtMs === "number")
                        object.expiresAtMs = options.longs === String ? String(message.expiresAtMs) : message.expiresAtMs;
                    else
                        object.expiresAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber() : message.expiresAtMs;
                return object;
            };

            Value.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Value;
        })();

        v1.StateItem = (function() {

            function StateItem(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StateItem.prototype.groupId = $util.newBuffer([]);
            StateItem.prototype.key = $util.newBuffer([]);
            StateItem.prototype.value = $util.newBuffer([]);
            StateItem.prototype.type = "";
            StateItem.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            StateItem.create = function create(properties) {
                return new StateItem(properties);
            };

            StateItem.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(10).bytes(message.groupId);
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(18).bytes(message.key);
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(26).bytes(message.value);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(34).string(message.type);
                if (message.revision != null && Object.hasOwnProperty.call(message, "revision"))
                    writer.uint32(40).uint64(message.revision);
                return writer;
            };

            StateItem.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StateItem();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.key = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.value = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.type = reader.string();
                            break;
                        }
                    case 5: {
                            message.revision = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StateItem.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.key != null && message.hasOwnProperty("key"))
                    if (!(message.key && typeof message.key.length === "number" || $util.isString(message.key)))
                        return "key: buffer expected";
                if (message.value != null && message.hasOwnProperty("value"))
                    if (!(message.value && typeof message.value.length === "number" || $util.isString(message.value)))
                        return "value: buffer expected";
                if (message.type != null && message.hasOwnProperty("type"))
                    if (!$util.isString(message.type))
                        return "type: string expected";
                if (message.revision != null && message.hasOwnProperty("revision"))
                    if (!$util.isInteger(message.revision) && !(message.revision && $util.isInteger(message.revision.low) && $util.isInteger(message.revision.high)))
                        return "revision: integer|Long expected";
                return null;
            };

            StateItem.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StateItem)
                    return object;
                let message = new $root.troupe.v1.StateItem();
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.key != null)
                    if (typeof object.key === "string")
                        $util.base64.decode(object.key, message.key = $util.newBuffer($util.base64.length(object.key)), 0);
                    else if (object.key.length >= 0)
                        message.key = object.key;
                if (object.value != null)
                    if (typeof object.value === "string")
                        $util.base64.decode(object.value, message.value = $util.newBuffer($util.base64.length(object.value)), 0);
                    else if (object.value.length >= 0)
                        message.value = object.value;
                if (object.type != null)
                    message.type = String(object.type);
                if (object.revision != null)
                    if ($util.Long)
                        (message.revision = $util.Long.fromValue(object.revision)).unsigned = true;
                    else if (typeof object.revision === "string")
                        message.revision = parseInt(object.revision, 10);
                    else if (typeof object.revision === "number")
                        message.revision = object.revision;
                    else if (typeof object.revision === "object")
                        message.revision = new $util.LongBits(object.revision.low >>> 0, object.revision.high >>> 0).toNumber(true);
                return message;
            };

            StateItem.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if (options.bytes === String)
                        object.key = "";
                    else {
                        object.key = [];
                        if (options.bytes !== Array)
                            object.key = $util.newBuffer(object.key);
                    }
                    if (options.bytes === String)
                        object.value = "";
                    else {
                        object.value = [];
                        if (options.bytes !== Array)
                            object.value = $util.newBuffer(object.value);
                    }
                    object.type = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.revision = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.revision = options.longs === String ? "0" : 0;
                }
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.key != null && message.hasOwnProperty("key"))
                    object.key = options.bytes === String ? $util.base64.encode(message.key, 0, message.key.length) : options.bytes === Array ? Array.prototype.slice.call(message.key) : message.key;
                if (message.value != null && message.hasOwnProperty("value"))
                    object.value = options.bytes === String ? $util.base64.encode(message.value, 0, message.value.length) : options.bytes === Array ? Array.prototype.slice.call(message.value) : message.value;
                if (message.type != null && message.hasOwnProperty("type"))
                    object.type = message.type;
                if (message.revision != null && message.hasOwnProperty("revision"))
                    if (typeof message.revision === "number")
                        object.revision = options.longs === String ? String(message.revision) : message.revision;
                    else
                        object.revision = options.longs === String ? $util.Long.prototype.toString.call(message.revision) : options.longs === Number ? new $util.LongBits(message.revision.low >>> 0, message.revision.high >>> 0).toNumber(true) : message.revision;
                return object;
            };

            StateItem.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StateItem;
        })();

        v1.Pong = (function() {

            function Pong(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Pong.prototype.payload = $util.newBuffer([]);
            Pong.prototype.nodeId = "";

            Pong.create = function create(properties) {
                return new Pong(properties);
            };

            Pong.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.payload != null && Object.hasOwnProperty.call(message, "payload"))
                    writer.uint32(10).bytes(message.payload);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(18).string(message.nodeId);
                return writer;
            };

            Pong.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Pong();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.payload = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Pong.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.payload != null && message.hasOwnProperty("payload"))
                    if (!(message.payload && typeof message.payload.length === "number" || $util.isString(message.payload)))
                        return "payload: buffer expected";
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                return null;
            };

            Pong.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Pong)
                    return object;
                let message = new $root.troupe.v1.Pong();
                if (object.payload != null)
                    if (typeof object.payload === "string")
                        $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                    else if (object.payload.length >= 0)
                        message.payload = object.payload;
                if (object.nodeId != null)
                    message.nodeId = String(object.nodeId);
                return message;
            };

            Pong.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                    object.nodeId = "";
                }
                if (message.payload != null && message.hasOwnProperty("payload"))
                    object.payload = options.bytes === String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === Array ? Array.prototype.slice.call(message.payload) : message.payload;
                if (message.nodeId != null && message.hasOwnProperty("nodeId"))
                    object.nodeId = message.nodeId;
                return object;
            };

            Pong.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Pong;
        })();

        v1.ExistsReply = (function() {

            function ExistsReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ExistsReply.prototype.exists = false;

            ExistsReply.create = function create(properties) {
                return new ExistsReply(properties);
            };

            ExistsReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.exists != null && Object.hasOwnProperty.call(message, "exists"))
                    writer.uint32(8).bool(message.exists);
                return writer;
            };

            ExistsReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ExistsReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.exists = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ExistsReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.exists != null && message.hasOwnProperty("exists"))
                    if (typeof message.exists !== "boolean")
                        return "exists: boolean expected";
                return null;
            };

            ExistsReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ExistsReply)
                    return object;
                let message = new $root.troupe.v1.ExistsReply();
                if (object.exists != null)
                    message.exists = Boolean(object.exists);
                return message;
            };

            ExistsReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    object.exists = false;
                if (message.exists != null && message.hasOwnProperty("exists"))
                    object.exists = message.exists;
                return object;
            };

            ExistsReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ExistsReply;
        })();

        v1.ValuesReply = (function() {

            function ValuesReply(properties) {
                this.values = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ValuesReply.prototype.values = $util.emptyArray;

            ValuesReply.create = function create(properties) {
                return new ValuesReply(properties);
            };

            ValuesReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.values != null && message.values.length)
                    for (let i = 0; i < message.values.length; ++i)
                        $root.troupe.v1.Value.encode(message.values[i], writer.uint32(10).fork()).ldelim();
                return writer;
            };

            ValuesReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ValuesReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.values && message.values.length))
                                message.values = [];
                            message.values.push($root.troupe.v1.Value.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ValuesReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.values != null && message.hasOwnProperty("values")) {
                    if (!Array.isArray(message.values))
                        return "values: array expected";
                    for (let i = 0; i < message.values.length; ++i) {
                        let error = $root.troupe.v1.Value.verify(message.values[i]);
                        if (error)
                            return "values." + error;
                    }
                }
                return null;
            };

            ValuesReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ValuesReply)
                    return object;
                let message = new $root.troupe.v1.ValuesReply();
                if (object.values) {
                    if (!Array.isArray(object.values))
                        throw TypeError(".troupe.v1.ValuesReply.values: array expected");
                    message.values = [];
                    for (let i = 0; i < object.values.length; ++i) {
                        if (typeof object.values[i] !== "object")
                            throw TypeError(".troupe.v1.ValuesReply.values: object expected");
                        message.values[i] = $root.troupe.v1.Value.fromObject(object.values[i]);
                    }
                }
                return message;
            };

            ValuesReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.values = [];
                if (message.values && message.values.length) {
                    object.values = [];
                    for (let j = 0; j < message.values.length; ++j)
                        object.values[j] = $root.troupe.v1.Value.toObject(message.values[j], options);
                }
                return object;
            };

            ValuesReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ValuesReply;
        })();

        v1.SetReply = (function() {

            function SetReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            SetReply.prototype.revision = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            SetReply.create = function create(properties) {
                return new SetReply(properties);
            };

            SetReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.revision != null && Object.hasOwnProperty.call(message, "revision"))
                    writer.uint32(8).uint64(message.revision);
                return writer;
            };

            SetReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.SetReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.revision = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            SetReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.revision != null && message.hasOwnProperty("revision"))
                    if (!$util.isInteger(message.revision) && !(message.revision && $util.isInteger(message.revision.low) && $util.isInteger(message.revision.high)))
                        return "revision: integer|Long expected";
                return null;
            };

            SetReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.SetReply)
                    return object;
                let message = new $root.troupe.v1.SetReply();
                if (object.revision != null)
                    if ($util.Long)
                        (message.revision = $util.Long.fromValue(object.revision)).unsigned = true;
                    else if (typeof object.revision === "string")
                        message.revision = parseInt(object.revision, 10);
                    else if (typeof object.revision === "number")
                        message.revision = object.revision;
                    else if (typeof object.revision === "object")
                        message.revision = new $util.LongBits(object.revision.low >>> 0, object.revision.high >>> 0).toNumber(true);
                return message;
            };

            SetReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.revision = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.revision = options.longs === String ? "0" : 0;
                if (message.revision != null && message.hasOwnProperty("revision"))
                    if (typeof message.revision === "number")
                        object.revision = options.longs === String ? String(message.revision) : message.revision;
                    else
                        object.revision = options.longs === String ? $util.Long.prototype.toString.call(message.revision) : options.longs === Number ? new $util.LongBits(message.revision.low >>> 0, message.revision.high >>> 0).toNumber(true) : message.revision;
                return object;
            };

            SetReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SetReply;
        })();

        v1.SetManyReply = (function() {

            function SetManyReply(properties) {
                this.revisions = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            SetManyReply.prototype.revisions = $util.emptyArray;

            SetManyReply.create = function create(properties) {
                return new SetManyReply(properties);
            };

            SetManyReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.revisions != null && message.revisions.length) {
                    writer.uint32(10).fork();
                    for (let i = 0; i < message.revisions.length; ++i)
                        writer.uint64(message.revisions[i]);
                    writer.ldelim();
                }
                return writer;
            };

            SetManyReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.SetManyReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.revisions && message.revisions.length))
                                message.revisions = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                while (reader.pos < end2)
                                    message.revisions.push(reader.uint64());
                            } else
                                message.revisions.push(reader.uint64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            SetManyReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.revisions != null && message.hasOwnProperty("revisions")) {
                    if (!Array.isArray(message.revisions))
                        return "revisions: array expected";
                    for (let i = 0; i < message.revisions.length; ++i)
                        if (!$util.isInteger(message.revisions[i]) && !(message.revisions[i] && $util.isInteger(message.revisions[i].low) && $util.isInteger(message.revisions[i].high)))
                            return "revisions: integer|Long[] expected";
                }
                return null;
            };

            SetManyReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.SetManyReply)
                    return object;
                let message = new $root.troupe.v1.SetManyReply();
                if (object.revisions) {
                    if (!Array.isArray(object.revisions))
                        throw TypeError(".troupe.v1.SetManyReply.revisions: array expected");
                    message.revisions = [];
                    for (let i = 0; i < object.revisions.length; ++i)
                        if ($util.Long)
                            (message.revisions[i] = $util.Long.fromValue(object.revisions[i])).unsigned = true;
                        else if (typeof object.revisions[i] === "string")
                            message.revisions[i] = parseInt(object.revisions[i], 10);
                        else if (typeof object.revisions[i] === "number")
                            message.revisions[i] = object.revisions[i];
                        else if (typeof object.revisions[i] === "object")
                            message.revisions[i] = new $util.LongBits(object.revisions[i].low >>> 0, object.revisions[i].high >>> 0).toNumber(true);
                }
                return message;
            };

            SetManyReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.revisions = [];
                if (message.revisions && message.revisions.length) {
                    object.revisions = [];
                    for (let j = 0; j < message.revisions.length; ++j)
                        if (typeof message.revisions[j] === "number")
                            object.revisions[j] = options.longs === String ? String(message.revisions[j]) : message.revisions[j];
                        else
                            object.revisions[j] = options.longs === String ? $util.Long.prototype.toString.call(message.revisions[j]) : options.longs === Number ? new $util.LongBits(message.revisions[j].low >>> 0, message.revisions[j].high >>> 0).toNumber(true) : message.revisions[j];
                }
                return object;
            };

            SetManyReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SetManyReply;
        })();

        v1.NamesReply = (function() {

            function NamesReply(properties) {
                this.names = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            NamesReply.prototype.names = $util.emptyArray;

            NamesReply.create = function create(properties) {
                return new NamesReply(properties);
            };

            NamesReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.names != null && message.names.length)
                    for (let i = 0; i < message.names.length; ++i)
                        writer.uint32(10).bytes(message.names[i]);
                return writer;
            };

            NamesReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.NamesReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.names && message.names.length))
                                message.names = [];
                            message.names.push(reader.bytes());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            NamesReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.names != null && message.hasOwnProperty("names")) {
                    if (!Array.isArray(message.names))
                        return "names: array expected";
                    for (let i = 0; i < message.names.length; ++i)
                        if (!(message.names[i] && typeof message.names[i].length === "number" || $util.isString(message.names[i])))
                            return "names: buffer[] expected";
                }
                return null;
            };

            NamesReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.NamesReply)
                    return object;
                let message = new $root.troupe.v1.NamesReply();
                if (object.names) {
                    if (!Array.isArray(object.names))
                        throw TypeError(".troupe.v1.NamesReply.names: array expected");
                    message.names = [];
                    for (let i = 0; i < object.names.length; ++i)
                        if (typeof object.names[i] === "string")
                            $util.base64.decode(object.names[i], message.names[i] = $util.newBuffer($util.base64.length(object.names[i])), 0);
                        else if (object.names[i].length >= 0)
                            message.names[i] = object.names[i];
                }
                return message;
            };

            NamesReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.names = [];
                if (message.names && message.names.length) {
                    object.names = [];
                    for (let j = 0; j < message.names.length; ++j)
                        object.names[j] = options.bytes === String ? $util.base64.encode(message.names[j], 0, message.names[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.names[j]) : message.names[j];
                }
                return object;
            };

            NamesReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NamesReply;
        })();

        v1.CountReply = (function() {

            function CountReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            CountReply.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            CountReply.create = function create(properties) {
                return new CountReply(properties);
            };

            CountReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.count != null && Object.hasOwnProperty.call(message, "count"))
                    writer.uint32(8).uint64(message.count);
                return writer;
            };

            CountReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.CountReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.count = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            CountReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.count != null && message.hasOwnProperty("count"))
                    if (!$util.isInteger(message.count) && !(message.count && $util.isInteger(message.count.low) && $util.isInteger(message.count.high)))
                        return "count: integer|Long expected";
                return null;
            };

            CountReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.CountReply)
                    return object;
                let message = new $root.troupe.v1.CountReply();
                if (object.count != null)
                    if ($util.Long)
                        (message.count = $util.Long.fromValue(object.count)).unsigned = true;
                    else if (typeof object.count === "string")
                        message.count = parseInt(object.count, 10);
                    else if (typeof object.count === "number")
                        message.count = object.count;
                    else if (typeof object.count === "object")
                        message.count = new $util.LongBits(object.count.low >>> 0, object.count.high >>> 0).toNumber(true);
                return message;
            };

            CountReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.count = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.count = options.longs === String ? "0" : 0;
                if (message.count != null && message.hasOwnProperty("count"))
                    if (typeof message.count === "number")
                        object.count = options.longs === String ? String(message.count) : message.count;
                    else
                        object.count = options.longs === String ? $util.Long.prototype.toString.call(message.count) : options.longs === Number ? new $util.LongBits(message.count.low >>> 0, message.count.high >>> 0).toNumber(true) : message.count;
                return object;
            };

            CountReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CountReply;
        })();

        v1.ItemsReply = (function() {

            function ItemsReply(properties) {
                this.items = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            ItemsReply.prototype.items = $util.emptyArray;

            ItemsReply.create = function create(properties) {
                return new ItemsReply(properties);
            };

            ItemsReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.items != null && message.items.length)
                    for (let i = 0; i < message.items.length; ++i)
                        $root.troupe.v1.StateItem.encode(message.items[i], writer.uint32(10).fork()).ldelim();
                return writer;
            };

            ItemsReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.ItemsReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.items && message.items.length))
                                message.items = [];
                            message.items.push($root.troupe.v1.StateItem.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            ItemsReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.items != null && message.hasOwnProperty("items")) {
                    if (!Array.isArray(message.items))
                        return "items: array expected";
                    for (let i = 0; i < message.items.length; ++i) {
                        let error = $root.troupe.v1.StateItem.verify(message.items[i]);
                        if (error)
                            return "items." + error;
                    }
                }
                return null;
            };

            ItemsReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.ItemsReply)
                    return object;
                let message = new $root.troupe.v1.ItemsReply();
                if (object.items) {
                    if (!Array.isArray(object.items))
                        throw TypeError(".troupe.v1.ItemsReply.items: array expected");
                    message.items = [];
                    for (let i = 0; i < object.items.length; ++i) {
                        if (typeof object.items[i] !== "object")
                            throw TypeError(".troupe.v1.ItemsReply.items: object expected");
                        message.items[i] = $root.troupe.v1.StateItem.fromObject(object.items[i]);
                    }
                }
                return message;
            };

            ItemsReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.items = [];
                if (message.items && message.items.length) {
                    object.items = [];
                    for (let j = 0; j < message.items.length; ++j)
                        object.items[j] = $root.troupe.v1.StateItem.toObject(message.items[j], options);
                }
                return object;
            };

            ItemsReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ItemsReply;
        })();

        v1.StreamItemReply = (function() {

            function StreamItemReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamItemReply.prototype.found = false;
            StreamItemReply.prototype.item = $util.newBuffer([]);
            StreamItemReply.prototype.created = false;

            StreamItemReply.create = function create(properties) {
                return new StreamItemReply(properties);
            };

            StreamItemReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.found != null && Object.hasOwnProperty.call(message, "found"))
                    writer.uint32(8).bool(message.found);
                if (message.item != null && Object.hasOwnProperty.call(message, "item"))
                    writer.uint32(18).bytes(message.item);
                if (message.created != null && Object.hasOwnProperty.call(message, "created"))
                    writer.uint32(24).bool(message.created);
                return writer;
            };

            StreamItemReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamItemReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.found = reader.bool();
                            break;
                        }
                    case 2: {
                            message.item = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.created = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamItemReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.found != null && message.hasOwnProperty("found"))
                    if (typeof message.found !== "boolean")
                        return "found: boolean expected";
                if (message.item != null && message.hasOwnProperty("item"))
                    if (!(message.item && typeof message.item.length === "number" || $util.isString(message.item)))
                        return "item: buffer expected";
                if (message.created != null && message.hasOwnProperty("created"))
                    if (typeof message.created !== "boolean")
                        return "created: boolean expected";
                return null;
            };

            StreamItemReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamItemReply)
                    return object;
                let message = new $root.troupe.v1.StreamItemReply();
                if (object.found != null)
                    message.found = Boolean(object.found);
                if (object.item != null)
                    if (typeof object.item === "string")
                        $util.base64.decode(object.item, message.item = $util.newBuffer($util.base64.length(object.item)), 0);
                    else if (object.item.length >= 0)
                        message.item = object.item;
                if (object.created != null)
                    message.created = Boolean(object.created);
                return message;
            };

            StreamItemReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.found = false;
                    if (options.bytes === String)
                        object.item = "";
                    else {
                        object.item = [];
                        if (options.bytes !== Array)
                            object.item = $util.newBuffer(object.item);
                    }
                    object.created = false;
                }
                if (message.found != null && message.hasOwnProperty("found"))
                    object.found = message.found;
                if (message.item != null && message.hasOwnProperty("item"))
                    object.item = options.bytes === String ? $util.base64.encode(message.item, 0, message.item.length) : options.bytes === Array ? Array.prototype.slice.call(message.item) : message.item;
                if (message.created != null && message.hasOwnProperty("created"))
                    object.created = message.created;
                return object;
            };

            StreamItemReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamItemReply;
        })();

        v1.StreamItemsReply = (function() {

            function StreamItemsReply(properties) {
                this.items = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamItemsReply.prototype.items = $util.emptyArray;

            StreamItemsReply.create = function create(properties) {
                return new StreamItemsReply(properties);
            };

            StreamItemsReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.items != null && message.items.length)
                    for (let i = 0; i < message.items.length; ++i)
                        writer.uint32(10).bytes(message.items[i]);
                return writer;
            };

            StreamItemsReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamItemsReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.items && message.items.length))
                                message.items = [];
                            message.items.push(reader.bytes());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamItemsReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.items != null && message.hasOwnProperty("items")) {
                    if (!Array.isArray(message.items))
                        return "items: array expected";
                    for (let i = 0; i < message.items.length; ++i)
                        if (!(message.items[i] && typeof message.items[i].length === "number" || $util.isString(message.items[i])))
                            return "items: buffer[] expected";
                }
                return null;
            };

            StreamItemsReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamItemsReply)
                    return object;
                let message = new $root.troupe.v1.StreamItemsReply();
                if (object.items) {
                    if (!Array.isArray(object.items))
                        throw TypeError(".troupe.v1.StreamItemsReply.items: array expected");
                    message.items = [];
                    for (let i = 0; i < object.items.length; ++i)
                        if (typeof object.items[i] === "string")
                            $util.base64.decode(object.items[i], message.items[i] = $util.newBuffer($util.base64.length(object.items[i])), 0);
                        else if (object.items[i].length >= 0)
                            message.items[i] = object.items[i];
                }
                return message;
            };

            StreamItemsReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.items = [];
                if (message.items && message.items.length) {
                    object.items = [];
                    for (let j = 0; j < message.items.length; ++j)
                        object.items[j] = options.bytes === String ? $util.base64.encode(message.items[j], 0, message.items[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.items[j]) : message.items[j];
                }
                return object;
            };

            StreamItemsReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamItemsReply;
        })();

        v1.SubscribeReply = (function() {

            function SubscribeReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            SubscribeReply.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            SubscribeReply.create = function create(properties) {
                return new SubscribeReply(properties);
            };

            SubscribeReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(8).uint64(message.subscriptionId);
                return writer;
            };

            SubscribeReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.SubscribeReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            SubscribeReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                return null;
            };

            SubscribeReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.SubscribeReply)
                    return object;
                let message = new $root.troupe.v1.SubscribeReply();
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                return message;
            };

            SubscribeReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                return object;
            };

            SubscribeReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubscribeReply;
        })();

        v1.Backup = (function() {

            function Backup(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Backup.prototype.dir = "";

            Backup.create = function create(properties) {
                return new Backup(properties);
            };

            Backup.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.dir != null && Object.hasOwnProperty.call(message, "dir"))
                    writer.uint32(10).string(message.dir);
                return writer;
            };

            Backup.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Backup();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.dir = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Backup.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.dir != null && message.hasOwnProperty("dir"))
                    if (!$util.isString(message.dir))
                        return "dir: string expected";
                return null;
            };

            Backup.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Backup)
                    return object;
                let message = new $root.troupe.v1.Backup();
                if (object.dir != null)
                    message.dir = String(object.dir);
                return message;
            };

            Backup.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    object.dir = "";
                if (message.dir != null && message.hasOwnProperty("dir"))
                    object.dir = message.dir;
                return object;
            };

            Backup.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Backup;
        })();

        v1.BackupReply = (function() {

            function BackupReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            BackupReply.prototype.dir = "";
            BackupReply.prototype.bytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            BackupReply.prototype.files = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            BackupReply.create = function create(properties) {
                return new BackupReply(properties);
            };

            BackupReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.dir != null && Object.hasOwnProperty.call(message, "dir"))
                    writer.uint32(10).string(message.dir);
                if (message.bytes != null && Object.hasOwnProperty.call(message, "bytes"))
                    writer.uint32(16).uint64(message.bytes);
                if (message.files != null && Object.hasOwnProperty.call(message, "files"))
                    writer.uint32(24).uint64(message.files);
                return writer;
            };

            BackupReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.BackupReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.dir = reader.string();
                            break;
                        }
                    case 2: {
                            message.bytes = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.files = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            BackupReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.dir != null && message.hasOwnProperty("dir"))
                    if (!$util.isString(message.dir))
                        return "dir: string expected";
                if (message.bytes != null && message.hasOwnProperty("bytes"))
                    if (!$util.isInteger(message.bytes) && !(message.bytes && $util.isInteger(message.bytes.low) && $util.isInteger(message.bytes.high)))
                        return "bytes: integer|Long expected";
                if (message.files != null && message.hasOwnProperty("files"))
                    if (!$util.isInteger(message.files) && !(message.files && $util.isInteger(message.files.low) && $util.isInteger(message.files.high)))
                        return "files: integer|Long expected";
                return null;
            };

            BackupReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.BackupReply)
                    return object;
                let message = new $root.troupe.v1.BackupReply();
                if (object.dir != null)
                    message.dir = String(object.dir);
                if (object.bytes != null)
                    if ($util.Long)
                        (message.bytes = $util.Long.fromValue(object.bytes)).unsigned = true;
                    else if (typeof object.bytes === "string")
                        message.bytes = parseInt(object.bytes, 10);
                    else if (typeof object.bytes === "number")
                        message.bytes = object.bytes;
                    else if (typeof object.bytes === "object")
                        message.bytes = new $util.LongBits(object.bytes.low >>> 0, object.bytes.high >>> 0).toNumber(true);
                if (object.files != null)
                    if ($util.Long)
                        (message.files = $util.Long.fromValue(object.files)).unsigned = true;
                    else if (typeof object.files === "string")
                        message.files = parseInt(object.files, 10);
                    else if (typeof object.files === "number")
                        message.files = object.files;
                    else if (typeof object.files === "object")
                        message.files = new $util.LongBits(object.files.low >>> 0, object.files.high >>> 0).toNumber(true);
                return message;
            };

            BackupReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    object.dir = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.bytes = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.bytes = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.files = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.files = options.longs === String ? "0" : 0;
                }
                if (message.dir != null && message.hasOwnProperty("dir"))
                    object.dir = message.dir;
                if (message.bytes != null && message.hasOwnProperty("bytes"))
                    if (typeof message.bytes === "number")
                        object.bytes = options.longs === String ? String(message.bytes) : message.bytes;
                    else
                        object.bytes = options.longs === String ? $util.Long.prototype.toString.call(message.bytes) : options.longs === Number ? new $util.LongBits(message.bytes.low >>> 0, message.bytes.high >>> 0).toNumber(true) : message.bytes;
                if (message.files != null && message.hasOwnProperty("files"))
                    if (typeof message.files === "number")
                        object.files = options.longs === String ? String(message.files) : message.files;
                    else
                        object.files = options.longs === String ? $util.Long.prototype.toString.call(message.files) : options.longs === Number ? new $util.LongBits(message.files.low >>> 0, message.files.high >>> 0).toNumber(true) : message.files;
                return object;
            };

            BackupReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BackupReply;
        })();

        v1.StatsReply = (function() {

            function StatsReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StatsReply.prototype.streamGroups = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.streamSubscribers = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.sessions = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            StatsReply.prototype.forwarded = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            StatsReply.create = function create(properties) {
                return new StatsReply(properties);
            };

            StatsReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.streamGroups != null && Object.hasOwnProperty.call(message, "streamGroups"))
                    writer.uint32(8).uint64(message.streamGroups);
                if (message.streamSubscribers != null && Object.hasOwnProperty.call(message, "streamSubscribers"))
                    writer.uint32(16).uint64(message.streamSubscribers);
                if (message.sessions != null && Object.hasOwnProperty.call(message, "sessions"))
                    writer.uint32(24).uint64(message.sessions);
                if (message.forwarded != null && Object.hasOwnProperty.call(message, "forwarded"))
                    writer.uint32(32).uint64(message.forwarded);
                return writer;
            };

            StatsReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StatsReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.streamGroups = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.streamSubscribers = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.sessions = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.forwarded = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StatsReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.streamGroups != null && message.hasOwnProperty("streamGroups"))
                    if (!$util.isInteger(message.streamGroups) && !(message.streamGroups && $util.isInteger(message.streamGroups.low) && $util.isInteger(message.streamGroups.high)))
                        return "streamGroups: integer|Long expected";
                if (message.streamSubscribers != null && message.hasOwnProperty("streamSubscribers"))
                    if (!$util.isInteger(message.streamSubscribers) && !(message.streamSubscribers && $util.isInteger(message.streamSubscribers.low) && $util.isInteger(message.streamSubscribers.high)))
                        return "streamSubscribers: integer|Long expected";
                if (message.sessions != null && message.hasOwnProperty("sessions"))
                    if (!$util.isInteger(message.sessions) && !(message.sessions && $util.isInteger(message.sessions.low) && $util.isInteger(message.sessions.high)))
                        return "sessions: integer|Long expected";
                if (message.forwarded != null && message.hasOwnProperty("forwarded"))
                    if (!$util.isInteger(message.forwarded) && !(message.forwarded && $util.isInteger(message.forwarded.low) && $util.isInteger(message.forwarded.high)))
                        return "forwarded: integer|Long expected";
                return null;
            };

            StatsReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StatsReply)
                    return object;
                let message = new $root.troupe.v1.StatsReply();
                if (object.streamGroups != null)
                    if ($util.Long)
                        (message.streamGroups = $util.Long.fromValue(object.streamGroups)).unsigned = true;
                    else if (typeof object.streamGroups === "string")
                        message.streamGroups = parseInt(object.streamGroups, 10);
                    else if (typeof object.streamGroups === "number")
                        message.streamGroups = object.streamGroups;
                    else if (typeof object.streamGroups === "object")
                        message.streamGroups = new $util.LongBits(object.streamGroups.low >>> 0, object.streamGroups.high >>> 0).toNumber(true);
                if (object.streamSubscribers != null)
                    if ($util.Long)
                        (message.streamSubscribers = $util.Long.fromValue(object.streamSubscribers)).unsigned = true;
                    else if (typeof object.streamSubscribers === "string")
                        message.streamSubscribers = parseInt(object.streamSubscribers, 10);
                    else if (typeof object.streamSubscribers === "number")
                        message.streamSubscribers = object.streamSubscribers;
                    else if (typeof object.streamSubscribers === "object")
                        message.streamSubscribers = new $util.LongBits(object.streamSubscribers.low >>> 0, object.streamSubscribers.high >>> 0).toNumber(true);
                if (object.sessions != null)
                    if ($util.Long)
                        (message.sessions = $util.Long.fromValue(object.sessions)).unsigned = true;
                    else if (typeof object.sessions === "string")
                        message.sessions = parseInt(object.sessions, 10);
                    else if (typeof object.sessions === "number")
                        message.sessions = object.sessions;
                    else if (typeof object.sessions === "object")
                        message.sessions = new $util.LongBits(object.sessions.low >>> 0, object.sessions.high >>> 0).toNumber(true);
                if (object.forwarded != null)
                    if ($util.Long)
                        (message.forwarded = $util.Long.fromValue(object.forwarded)).unsigned = true;
                    else if (typeof object.forwarded === "string")
                        message.forwarded = parseInt(object.forwarded, 10);
                    else if (typeof object.forwarded === "number")
                        message.forwarded = object.forwarded;
                    else if (typeof object.forwarded === "object")
                        message.forwarded = new $util.LongBits(object.forwarded.low >>> 0, object.forwarded.high >>> 0).toNumber(true);
                return message;
            };

            StatsReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.streamGroups = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.streamGroups = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.streamSubscribers = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.streamSubscribers = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sessions = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.sessions = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.forwarded = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.forwarded = options.longs === String ? "0" : 0;
                }
                if (message.streamGroups != null && message.hasOwnProperty("streamGroups"))
                    if (typeof message.streamGroups === "number")
                        object.streamGroups = options.longs === String ? String(message.streamGroups) : message.streamGroups;
                    else
                        object.streamGroups = options.longs === String ? $util.Long.prototype.toString.call(message.streamGroups) : options.longs === Number ? new $util.LongBits(message.streamGroups.low >>> 0, message.streamGroups.high >>> 0).toNumber(true) : message.streamGroups;
                if (message.streamSubscribers != null && message.hasOwnProperty("streamSubscribers"))
                    if (typeof message.streamSubscribers === "number")
                        object.streamSubscribers = options.longs === String ? String(message.streamSubscribers) : message.streamSubscribers;
                    else
                        object.streamSubscribers = options.longs === String ? $util.Long.prototype.toString.call(message.streamSubscribers) : options.longs === Number ? new $util.LongBits(message.streamSubscribers.low >>> 0, message.streamSubscribers.high >>> 0).toNumber(true) : message.streamSubscribers;
                if (message.sessions != null && message.hasOwnProperty("sessions"))
                    if (typeof message.sessions === "number")
                        object.sessions = options.longs === String ? String(message.sessions) : message.sessions;
                    else
                        object.sessions = options.longs === String ? $util.Long.prototype.toString.call(message.sessions) : options.longs === Number ? new $util.LongBits(message.sessions.low >>> 0, message.sessions.high >>> 0).toNumber(true) : message.sessions;
                if (message.forwarded != null && message.hasOwnProperty("forwarded"))
                    if (typeof message.forwarded === "number")
                        object.forwarded = options.longs === String ? String(message.forwarded) : message.forwarded;
                    else
                        object.forwarded = options.longs === String ? $util.Long.prototype.toString.call(message.forwarded) : options.longs === Number ? new $util.LongBits(message.forwarded.low >>> 0, message.forwarded.high >>> 0).toNumber(true) : message.forwarded;
                return object;
            };

            StatsReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StatsReply;
        })();

        v1.EmitReply = (function() {

            function EmitReply(properties) {
                this.messageIds = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            EmitReply.prototype.messageIds = $util.emptyArray;
            EmitReply.prototype.steps = 0;
            EmitReply.prototype.repeats = 0;

            EmitReply.create = function create(properties) {
                return new EmitReply(properties);
            };

            EmitReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.messageIds != null && message.messageIds.length)
                    for (let i = 0; i < message.messageIds.length; ++i)
                        writer.uint32(10).bytes(message.messageIds[i]);
                if (message.steps != null && Object.hasOwnProperty.call(message, "steps"))
                    writer.uint32(16).uint32(message.steps);
                if (message.repeats != null && Object.hasOwnProperty.call(message, "repeats"))
                    writer.uint32(24).uint32(message.repeats);
                return writer;
            };

            EmitReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.EmitReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.messageIds && message.messageIds.length))
                                message.messageIds = [];
                            message.messageIds.push(reader.bytes());
                            break;
                        }
                    case 2: {
                            message.steps = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.repeats = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            EmitReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.messageIds != null && message.hasOwnProperty("messageIds")) {
                    if (!Array.isArray(message.messageIds))
                        return "messageIds: array expected";
                    for (let i = 0; i < message.messageIds.length; ++i)
                        if (!(message.messageIds[i] && typeof message.messageIds[i].length === "number" || $util.isString(message.messageIds[i])))
                            return "messageIds: buffer[] expected";
                }
                if (message.steps != null && message.hasOwnProperty("steps"))
                    if (!$util.isInteger(message.steps))
                        return "steps: integer expected";
                if (message.repeats != null && message.hasOwnProperty("repeats"))
                    if (!$util.isInteger(message.repeats))
                        return "repeats: integer expected";
                return null;
            };

            EmitReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.EmitReply)
                    return object;
                let message = new $root.troupe.v1.EmitReply();
                if (object.messageIds) {
                    if (!Array.isArray(object.messageIds))
                        throw TypeError(".troupe.v1.EmitReply.messageIds: array expected");
                    message.messageIds = [];
                    for (let i = 0; i < object.messageIds.length; ++i)
                        if (typeof object.messageIds[i] === "string")
                            $util.base64.decode(object.messageIds[i], message.messageIds[i] = $util.newBuffer($util.base64.length(object.messageIds[i])), 0);
                        else if (object.messageIds[i].length >= 0)
                            message.messageIds[i] = object.messageIds[i];
                }
                if (object.steps != null)
                    message.steps = object.steps >>> 0;
                if (object.repeats != null)
                    message.repeats = object.repeats >>> 0;
                return message;
            };

            EmitReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.messageIds = [];
                if (options.defaults) {
                    object.steps = 0;
                    object.repeats = 0;
                }
                if (message.messageIds && message.messageIds.length) {
                    object.messageIds = [];
                    for (let j = 0; j < message.messageIds.length; ++j)
                        object.messageIds[j] = options.bytes === String ? $util.base64.encode(message.messageIds[j], 0, message.messageIds[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.messageIds[j]) : message.messageIds[j];
                }
                if (message.steps != null && message.hasOwnProperty("steps"))
                    object.steps = message.steps;
                if (message.repeats != null && message.hasOwnProperty("repeats"))
                    object.repeats = message.repeats;
                return object;
            };

            EmitReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return EmitReply;
        })();

        v1.TopicInfoReply = (function() {

            function TopicInfoReply(properties) {
                this.steps = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            TopicInfoReply.prototype.steps = $util.emptyArray;
            TopicInfoReply.prototype.consumers = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            TopicInfoReply.create = function create(properties) {
                return new TopicInfoReply(properties);
            };

            TopicInfoReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.steps != null && message.steps.length)
                    for (let i = 0; i < message.steps.length; ++i)
                        writer.uint32(10).bytes(message.steps[i]);
                if (message.consumers != null && Object.hasOwnProperty.call(message, "consumers"))
                    writer.uint32(16).uint64(message.consumers);
                return writer;
            };

            TopicInfoReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.TopicInfoReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.steps && message.steps.length))
                                message.steps = [];
                            message.steps.push(reader.bytes());
                            break;
                        }
                    case 2: {
                            message.consumers = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            TopicInfoReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.steps != null && message.hasOwnProperty("steps")) {
                    if (!Array.isArray(message.steps))
                        return "steps: array expected";
                    for (let i = 0; i < message.steps.length; ++i)
                        if (!(message.steps[i] && typeof message.steps[i].length === "number" || $util.isString(message.steps[i])))
                            return "steps: buffer[] expected";
                }
                if (message.consumers != null && message.hasOwnProperty("consumers"))
                    if (!$util.isInteger(message.consumers) && !(message.consumers && $util.isInteger(message.consumers.low) && $util.isInteger(message.consumers.high)))
                        return "consumers: integer|Long expected";
                return null;
            };

            TopicInfoReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.TopicInfoReply)
                    return object;
                let message = new $root.troupe.v1.TopicInfoReply();
                if (object.steps) {
                    if (!Array.isArray(object.steps))
                        throw TypeError(".troupe.v1.TopicInfoReply.steps: array expected");
                    message.steps = [];
                    for (let i = 0; i < object.steps.length; ++i)
                        if (typeof object.steps[i] === "string")
                            $util.base64.decode(object.steps[i], message.steps[i] = $util.newBuffer($util.base64.length(object.steps[i])), 0);
                        else if (object.steps[i].length >= 0)
                            message.steps[i] = object.steps[i];
                }
                if (object.consumers != null)
                    if ($util.Long)
                        (message.consumers = $util.Long.fromValue(object.consumers)).unsigned = true;
                    else if (typeof object.consumers === "string")
                        message.consumers = parseInt(object.consumers, 10);
                    else if (typeof object.consumers === "number")
                        message.consumers = object.consumers;
                    else if (typeof object.consumers === "object")
                        message.consumers = new $util.LongBits(object.consumers.low >>> 0, object.consumers.high >>> 0).toNumber(true);
                return message;
            };

            TopicInfoReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.steps = [];
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.consumers = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.consumers = options.longs === String ? "0" : 0;
                if (message.steps && message.steps.length) {
                    object.steps = [];
                    for (let j = 0; j < message.steps.length; ++j)
                        object.steps[j] = options.bytes === String ? $util.base64.encode(message.steps[j], 0, message.steps[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.steps[j]) : message.steps[j];
                }
                if (message.consumers != null && message.hasOwnProperty("consumers"))
                    if (typeof message.consumers === "number")
                        object.consumers = options.longs === String ? String(message.consumers) : message.consumers;
                    else
                        object.consumers = options.longs === String ? $util.Long.prototype.toString.call(message.consumers) : options.longs === Number ? new $util.LongBits(message.consumers.low >>> 0, message.consumers.high >>> 0).toNumber(true) : message.consumers;
                return object;
            };

            TopicInfoReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TopicInfoReply;
        })();

        v1.QueueStatsReply = (function() {

            function QueueStatsReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            QueueStatsReply.prototype.ready = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            QueueStatsReply.prototype.delayed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            QueueStatsReply.prototype.inFlight = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            QueueStatsReply.prototype.dead = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            QueueStatsReply.prototype.consumers = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            QueueStatsReply.create = function create(properties) {
                return new QueueStatsReply(properties);
            };

            QueueStatsReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready"))
                    writer.uint32(8).uint64(message.ready);
                if (message.delayed != null && Object.hasOwnProperty.call(message, "delayed"))
                    writer.uint32(16).uint64(message.delayed);
                if (message.inFlight != null && Object.hasOwnProperty.call(message, "inFlight"))
                    writer.uint32(24).uint64(message.inFlight);
                if (message.dead != null && Object.hasOwnProperty.call(message, "dead"))
                    writer.uint32(32).uint64(message.dead);
                if (message.consumers != null && Object.hasOwnProperty.call(message, "consumers"))
                    writer.uint32(40).uint64(message.consumers);
                return writer;
            };

            QueueStatsReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.QueueStatsReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.ready = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.delayed = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.inFlight = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.dead = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.consumers = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            QueueStatsReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.ready != null && message.hasOwnProperty("ready"))
                    if (!$util.isInteger(message.ready) && !(message.ready && $util.isInteger(message.ready.low) && $util.isInteger(message.ready.high)))
                        return "ready: integer|Long expected";
                if (message.delayed != null && message.hasOwnProperty("delayed"))
                    if (!$util.isInteger(message.delayed) && !(message.delayed && $util.isInteger(message.delayed.low) && $util.isInteger(message.delayed.high)))
                        return "delayed: integer|Long expected";
                if (message.inFlight != null && message.hasOwnProperty("inFlight"))
                    if (!$util.isInteger(message.inFlight) && !(message.inFlight && $util.isInteger(message.inFlight.low) && $util.isInteger(message.inFlight.high)))
                        return "inFlight: integer|Long expected";
                if (message.dead != null && message.hasOwnProperty("dead"))
                    if (!$util.isInteger(message.dead) && !(message.dead && $util.isInteger(message.dead.low) && $util.isInteger(message.dead.high)))
                        return "dead: integer|Long expected";
                if (message.consumers != null && message.hasOwnProperty("consumers"))
                    if (!$util.isInteger(message.consumers) && !(message.consumers && $util.isInteger(message.consumers.low) && $util.isInteger(message.consumers.high)))
                        return "consumers: integer|Long expected";
                return null;
            };

            QueueStatsReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.QueueStatsReply)
                    return object;
                let message = new $root.troupe.v1.QueueStatsReply();
                if (object.ready != null)
                    if ($util.Long)
                        (message.ready = $util.Long.fromValue(object.ready)).unsigned = true;
                    else if (typeof object.ready === "string")
                        message.ready = parseInt(object.ready, 10);
                    else if (typeof object.ready === "number")
                        message.ready = object.ready;
                    else if (typeof object.ready === "object")
                        message.ready = new $util.LongBits(object.ready.low >>> 0, object.ready.high >>> 0).toNumber(true);
                if (object.delayed != null)
                    if ($util.Long)
                        (message.delayed = $util.Long.fromValue(object.delayed)).unsigned = true;
                    else if (typeof object.delayed === "string")
                        message.delayed = parseInt(object.delayed, 10);
                    else if (typeof object.delayed === "number")
                        message.delayed = object.delayed;
                    else if (typeof object.delayed === "object")
                        message.delayed = new $util.LongBits(object.delayed.low >>> 0, object.delayed.high >>> 0).toNumber(true);
                if (object.inFlight != null)
                    if ($util.Long)
                        (message.inFlight = $util.Long.fromValue(object.inFlight)).unsigned = true;
                    else if (typeof object.inFlight === "string")
                        message.inFlight = parseInt(object.inFlight, 10);
                    else if (typeof object.inFlight === "number")
                        message.inFlight = object.inFlight;
                    else if (typeof object.inFlight === "object")
                        message.inFlight = new $util.LongBits(object.inFlight.low >>> 0, object.inFlight.high >>> 0).toNumber(true);
                if (object.dead != null)
                    if ($util.Long)
                        (message.dead = $util.Long.fromValue(object.dead)).unsigned = true;
                    else if (typeof object.dead === "string")
                        message.dead = parseInt(object.dead, 10);
                    else if (typeof object.dead === "number")
                        message.dead = object.dead;
                    else if (typeof object.dead === "object")
                        message.dead = new $util.LongBits(object.dead.low >>> 0, object.dead.high >>> 0).toNumber(true);
                if (object.consumers != null)
                    if ($util.Long)
                        (message.consumers = $util.Long.fromValue(object.consumers)).unsigned = true;
                    else if (typeof object.consumers === "string")
                        message.consumers = parseInt(object.consumers, 10);
                    else if (typeof object.consumers === "number")
                        message.consumers = object.consumers;
                    else if (typeof object.consumers === "object")
                        message.consumers = new $util.LongBits(object.consumers.low >>> 0, object.consumers.high >>> 0).toNumber(true);
                return message;
            };

            QueueStatsReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.ready = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.ready = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.delayed = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.delayed = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.inFlight = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.inFlight = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.dead = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.dead = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.consumers = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.consumers = options.longs === String ? "0" : 0;
                }
                if (message.ready != null && message.hasOwnProperty("ready"))
                    if (typeof message.ready === "number")
                        object.ready = options.longs === String ? String(message.ready) : message.ready;
                    else
                        object.ready = options.longs === String ? $util.Long.prototype.toString.call(message.ready) : options.longs === Number ? new $util.LongBits(message.ready.low >>> 0, message.ready.high >>> 0).toNumber(true) : message.ready;
                if (message.delayed != null && message.hasOwnProperty("delayed"))
                    if (typeof message.delayed === "number")
                        object.delayed = options.longs === String ? String(message.delayed) : message.delayed;
                    else
                        object.delayed = options.longs === String ? $util.Long.prototype.toString.call(message.delayed) : options.longs === Number ? new $util.LongBits(message.delayed.low >>> 0, message.delayed.high >>> 0).toNumber(true) : message.delayed;
                if (message.inFlight != null && message.hasOwnProperty("inFlight"))
                    if (typeof message.inFlight === "number")
                        object.inFlight = options.longs === String ? String(message.inFlight) : message.inFlight;
                    else
                        object.inFlight = options.longs === String ? $util.Long.prototype.toString.call(message.inFlight) : options.longs === Number ? new $util.LongBits(message.inFlight.low >>> 0, message.inFlight.high >>> 0).toNumber(true) : message.inFlight;
                if (message.dead != null && message.hasOwnProperty("dead"))
                    if (typeof message.dead === "number")
                        object.dead = options.longs === String ? String(message.dead) : message.dead;
                    else
                        object.dead = options.longs === String ? $util.Long.prototype.toString.call(message.dead) : options.longs === Number ? new $util.LongBits(message.dead.low >>> 0, message.dead.high >>> 0).toNumber(true) : message.dead;
                if (message.consumers != null && message.hasOwnProperty("consumers"))
                    if (typeof message.consumers === "number")
                        object.consumers = options.longs === String ? String(message.consumers) : message.consumers;
                    else
                        object.consumers = options.longs === String ? $util.Long.prototype.toString.call(message.consumers) : options.longs === Number ? new $util.LongBits(message.consumers.low >>> 0, message.consumers.high >>> 0).toNumber(true) : message.consumers;
                return object;
            };

            QueueStatsReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QueueStatsReply;
        })();

        v1.QueueMessage = (function() {

            function QueueMessage(properties) {
                this.flows = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            QueueMessage.prototype.messageId = $util.newBuffer([]);
            QueueMessage.prototype.topic = $util.newBuffer([]);
            QueueMessage.prototype.step = $util.newBuffer([]);
            QueueMessage.prototype.data = $util.newBuffer([]);
            QueueMessage.prototype.traceId = $util.newBuffer([]);
            QueueMessage.prototype.flows = $util.emptyArray;
            QueueMessage.prototype.messageGroupId = null;
            QueueMessage.prototype.attempt = 0;
            QueueMessage.prototype.lastError = "";
            QueueMessage.prototype.emittedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            QueueMessage.prototype.visibleAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            QueueMessage.prototype.redelivered = false;
            QueueMessage.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            QueueMessage.prototype.priority = 0;

            let $oneOfFields;

            Object.defineProperty(QueueMessage.prototype, "_messageGroupId", {
                get: $util.oneOfGetter($oneOfFields = ["messageGroupId"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            QueueMessage.create = function create(properties) {
                return new QueueMessage(properties);
            };

            QueueMessage.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.messageId != null && Object.hasOwnProperty.call(message, "messageId"))
                    writer.uint32(10).bytes(message.messageId);
                if (message.topic != null && Object.hasOwnProperty.call(message, "topic"))
                    writer.uint32(18).bytes(message.topic);
                if (message.step != null && Object.hasOwnProperty.call(message, "step"))
                    writer.uint32(26).bytes(message.step);
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(34).bytes(message.data);
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(42).bytes(message.traceId);
                if (message.flows != null && message.flows.length)
                    for (let i = 0; i < message.flows.length; ++i)
                        writer.uint32(50).bytes(message.flows[i]);
                if (message.messageGroupId != null && Object.hasOwnProperty.call(message, "messageGroupId"))
                    writer.uint32(58).bytes(message.messageGroupId);
                if (message.attempt != null && Object.hasOwnProperty.call(message, "attempt"))
                    writer.uint32(64).uint32(message.attempt);
                if (message.lastError != null && Object.hasOwnProperty.call(message, "lastError"))
                    writer.uint32(74).string(message.lastError);
                if (message.emittedAtMs != null && Object.hasOwnProperty.call(message, "emittedAtMs"))
                    writer.uint32(80).int64(message.emittedAtMs);
                if (message.visibleAtMs != null && Object.hasOwnProperty.call(message, "visibleAtMs"))
                    writer.uint32(88).int64(message.visibleAtMs);
                if (message.redelivered != null && Object.hasOwnProperty.call(message, "redelivered"))
                    writer.uint32(96).bool(message.redelivered);
                if (message.expiresAtMs != null && Object.hasOwnProperty.call(message, "expiresAtMs"))
                    writer.uint32(104).int64(message.expiresAtMs);
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    writer.uint32(112).uint32(message.priority);
                return writer;
            };

            QueueMessage.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.QueueMessage();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.messageId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.topic = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.step = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 6: {
                            if (!(message.flows && message.flows.length))
                                message.flows = [];
                            message.flows.push(reader.bytes());
                            break;
                        }
                    case 7: {
                            message.messageGroupId = reader.bytes();
                            break;
                        }
                    case 8: {
                            message.attempt = reader.uint32();
                            break;
                        }
                    case 9: {
                            message.lastError = reader.string();
                            break;
                        }
                    case 10: {
                            message.emittedAtMs = reader.int64();
                            break;
                        }
                    case 11: {
                            message.visibleAtMs = reader.int64();
                            break;
                        }
                    case 12: {
                            message.redelivered = reader.bool();
                            break;
                        }
                    case 13: {
                            message.expiresAtMs = reader.int64();
                            break;
                        }
                    case 14: {
                            message.priority = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            QueueMessage.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.messageId != null && message.hasOwnProperty("messageId"))
                    if (!(message.messageId && typeof message.messageId.length === "number" || $util.isString(message.messageId)))
                        return "messageId: buffer expected";
                if (message.topic != null && message.hasOwnProperty("topic"))
                    if (!(message.topic && typeof message.topic.length === "number" || $util.isString(message.topic)))
                        return "topic: buffer expected";
                if (message.step != null && message.hasOwnProperty("step"))
                    if (!(message.step && typeof message.step.length === "number" || $util.isString(message.step)))
                        return "step: buffer expected";
                if (message.data != null && message.hasOwnProperty("data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    if (!(message.traceId && typeof message.traceId.length === "number" || $util.isString(message.traceId)))
                        return "traceId: buffer expected";
                if (message.flows != null && message.hasOwnProperty("flows")) {
                    if (!Array.isArray(message.flows))
                        return "flows: array expected";
                    for (let i = 0; i < message.flows.length; ++i)
                        if (!(message.flows[i] && typeof message.flows[i].length === "number" || $util.isString(message.flows[i])))
                            return "flows: buffer[] expected";
                }
                if (message.messageGroupId != null && message.hasOwnProperty("messageGroupId")) {
                    properties._messageGroupId = 1;
                    if (!(message.messageGroupId && typeof message.messageGroupId.length === "number" || $util.isString(message.messageGroupId)))
                        return "messageGroupId: buffer expected";
                }
                if (message.attempt != null && message.hasOwnProperty("attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                if (message.lastError != null && message.hasOwnProperty("lastError"))
                    if (!$util.isString(message.lastError))
                        return "lastError: string expected";
                if (message.emittedAtMs != null && message.hasOwnProperty("emittedAtMs"))
                    if (!$util.isInteger(message.emittedAtMs) && !(message.emittedAtMs && $util.isInteger(message.emittedAtMs.low) && $util.isInteger(message.emittedAtMs.high)))
                        return "emittedAtMs: integer|Long expected";
                if (message.visibleAtMs != null && message.hasOwnProperty("visibleAtMs"))
                    if (!$util.isInteger(message.visibleAtMs) && !(message.visibleAtMs && $util.isInteger(message.visibleAtMs.low) && $util.isInteger(message.visibleAtMs.high)))
                        return "visibleAtMs: integer|Long expected";
                if (message.redelivered != null && message.hasOwnProperty("redelivered"))
                    if (typeof message.redelivered !== "boolean")
                        return "redelivered: boolean expected";
                if (message.expiresAtMs != null && message.hasOwnProperty("expiresAtMs"))
                    if (!$util.isInteger(message.expiresAtMs) && !(message.expiresAtMs && $util.isInteger(message.expiresAtMs.low) && $util.isInteger(message.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                if (message.priority != null && message.hasOwnProperty("priority"))
                    if (!$util.isInteger(message.priority))
                        return "priority: integer expected";
                return null;
            };

            QueueMessage.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.QueueMessage)
                    return object;
                let message = new $root.troupe.v1.QueueMessage();
                if (object.messageId != null)
                    if (typeof object.messageId === "string")
                        $util.base64.decode(object.messageId, message.messageId = $util.newBuffer($util.base64.length(object.messageId)), 0);
                    else if (object.messageId.length >= 0)
                        message.messageId = object.messageId;
                if (object.topic != null)
                    if (typeof object.topic === "string")
                        $util.base64.decode(object.topic, message.topic = $util.newBuffer($util.base64.length(object.topic)), 0);
                    else if (object.topic.length >= 0)
                        message.topic = object.topic;
                if (object.step != null)
                    if (typeof object.step === "string")
                        $util.base64.decode(object.step, message.step = $util.newBuffer($util.base64.length(object.step)), 0);
                    else if (object.step.length >= 0)
                        message.step = object.step;
                if (object.data != null)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.flows) {
                    if (!Array.isArray(object.flows))
                        throw TypeError(".troupe.v1.QueueMessage.flows: array expected");
                    message.flows = [];
                    for (let i = 0; i < object.flows.length; ++i)
                        if (typeof object.flows[i] === "string")
                            $util.base64.decode(object.flows[i], message.flows[i] = $util.newBuffer($util.base64.length(object.flows[i])), 0);
                        else if (object.flows[i].length >= 0)
                            message.flows[i] = object.flows[i];
                }
                if (object.messageGroupId != null)
                    if (typeof object.messageGroupId === "string")
                        $util.base64.decode(object.messageGroupId, message.messageGroupId = $util.newBuffer($util.base64.length(object.messageGroupId)), 0);
                    else if (object.messageGroupId.length >= 0)
                        message.messageGroupId = object.messageGroupId;
                if (object.attempt != null)
                    message.attempt = object.attempt >>> 0;
                if (object.lastError != null)
                    message.lastError = String(object.lastError);
                if (object.emittedAtMs != null)
                    if ($util.Long)
                        (message.emittedAtMs = $util.Long.fromValue(object.emittedAtMs)).unsigned = false;
                    else if (typeof object.emittedAtMs === "string")
                        message.emittedAtMs = parseInt(object.emittedAtMs, 10);
                    else if (typeof object.emittedAtMs === "number")
                        message.emittedAtMs = object.emittedAtMs;
                    else if (typeof object.emittedAtMs === "object")
                        message.emittedAtMs = new $util.LongBits(object.emittedAtMs.low >>> 0, object.emittedAtMs.high >>> 0).toNumber();
                if (object.visibleAtMs != null)
                    if ($util.Long)
                        (message.visibleAtMs = $util.Long.fromValue(object.visibleAtMs)).unsigned = false;
                    else if (typeof object.visibleAtMs === "string")
                        message.visibleAtMs = parseInt(object.visibleAtMs, 10);
                    else if (typeof object.visibleAtMs === "number")
                        message.visibleAtMs = object.visibleAtMs;
                    else if (typeof object.visibleAtMs === "object")
                        message.visibleAtMs = new $util.LongBits(object.visibleAtMs.low >>> 0, object.visibleAtMs.high >>> 0).toNumber();
                if (object.redelivered != null)
                    message.redelivered = Boolean(object.redelivered);
                if (object.expiresAtMs != null)
                    if ($util.Long)
                        (message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs)).unsigned = false;
                    else if (typeof object.expiresAtMs === "string")
                        message.expiresAtMs = parseInt(object.expiresAtMs, 10);
                    else if (typeof object.expiresAtMs === "number")
                        message.expiresAtMs = object.expiresAtMs;
                    else if (typeof object.expiresAtMs === "object")
                        message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber();
                if (object.priority != null)
                    message.priority = object.priority >>> 0;
                return message;
            };

            QueueMessage.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.flows = [];
                if (options.defaults) {
                    if (options.bytes === String)
                        object.messageId = "";
                    else {
                        object.messageId = [];
                        if (options.bytes !== Array)
                            object.messageId = $util.newBuffer(object.messageId);
                    }
                    if (options.bytes === String)
                        object.topic = "";
                    else {
                        object.topic = [];
                        if (options.bytes !== Array)
                            object.topic = $util.newBuffer(object.topic);
                    }
                    if (options.bytes === String)
                        object.step = "";
                    else {
                        object.step = [];
                        if (options.bytes !== Array)
                            object.step = $util.newBuffer(object.step);
                    }
                    if (options.bytes === String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    object.attempt = 0;
                    object.lastError = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.emittedAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.emittedAtMs = options.longs === String ? "0" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.visibleAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.visibleAtMs = options.longs === String ? "0" : 0;
                    object.redelivered = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.expiresAtMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.expiresAtMs = options.longs === String ? "0" : 0;
                    object.priority = 0;
                }
                if (message.messageId != null && message.hasOwnProperty("messageId"))
                    object.messageId = options.bytes === String ? $util.base64.encode(message.messageId, 0, message.messageId.length) : options.bytes === Array ? Array.prototype.slice.call(message.messageId) : message.messageId;
                if (message.topic != null && message.hasOwnProperty("topic"))
                    object.topic = options.bytes === String ? $util.base64.encode(message.topic, 0, message.topic.length) : options.bytes === Array ? Array.prototype.slice.call(message.topic) : message.topic;
                if (message.step != null && message.hasOwnProperty("step"))
                    object.step = options.bytes === String ? $util.base64.encode(message.step, 0, message.step.length) : options.bytes === Array ? Array.prototype.slice.call(message.step) : message.step;
                if (message.data != null && message.hasOwnProperty("data"))
                    object.data = options.bytes === String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === Array ? Array.prototype.slice.call(message.data) : message.data;
                if (message.traceId != null && message.hasOwnProperty("traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.flows && message.flows.length) {
                    object.flows = [];
                    for (let j = 0; j < message.flows.length; ++j)
                        object.flows[j] = options.bytes === String ? $util.base64.encode(message.flows[j], 0, message.flows[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.flows[j]) : message.flows[j];
                }
                if (message.messageGroupId != null && message.hasOwnProperty("messageGroupId")) {
                    object.messageGroupId = options.bytes === String ? $util.base64.encode(message.messageGroupId, 0, message.messageGroupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.messageGroupId) : message.messageGroupId;
                    if (options.oneofs)
                        object._messageGroupId = "messageGroupId";
                }
                if (message.attempt != null && message.hasOwnProperty("attempt"))
                    object.attempt = message.attempt;
                if (message.lastError != null && message.hasOwnProperty("lastError"))
                    object.lastError = message.lastError;
                if (message.emittedAtMs != null && message.hasOwnProperty("emittedAtMs"))
                    if (typeof message.emittedAtMs === "number")
                        object.emittedAtMs = options.longs === String ? String(message.emittedAtMs) : message.emittedAtMs;
                    else
                        object.emittedAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.emittedAtMs) : options.longs === Number ? new $util.LongBits(message.emittedAtMs.low >>> 0, message.emittedAtMs.high >>> 0).toNumber() : message.emittedAtMs;
                if (message.visibleAtMs != null && message.hasOwnProperty("visibleAtMs"))
                    if (typeof message.visibleAtMs === "number")
                        object.visibleAtMs = options.longs === String ? String(message.visibleAtMs) : message.visibleAtMs;
                    else
                        object.visibleAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.visibleAtMs) : options.longs === Number ? new $util.LongBits(message.visibleAtMs.low >>> 0, message.visibleAtMs.high >>> 0).toNumber() : message.visibleAtMs;
                if (message.redelivered != null && message.hasOwnProperty("redelivered"))
                    object.redelivered = message.redelivered;
                if (message.expiresAtMs != null && message.hasOwnProperty("expiresAtMs"))
                    if (typeof message.expiresAtMs === "number")
                        object.expiresAtMs = options.longs === String ? String(message.expiresAtMs) : message.expiresAtMs;
                    else
                        object.expiresAtMs = options.longs === String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber() : message.expiresAtMs;
                if (message.priority != null && message.hasOwnProperty("priority"))
                    object.priority = message.priority;
                return object;
            };

            QueueMessage.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QueueMessage;
        })();

        v1.FetchReply = (function() {

            function FetchReply(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            FetchReply.prototype.message = null;
            FetchReply.prototype.ready = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            let $oneOfFields;

            Object.defineProperty(FetchReply.prototype, "_message", {
                get: $util.oneOfGetter($oneOfFields = ["message"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            FetchReply.create = function create(properties) {
                return new FetchReply(properties);
            };

            FetchReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    $root.troupe.v1.QueueMessage.encode(message.message, writer.uint32(10).fork()).ldelim();
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready"))
                    writer.uint32(16).uint64(message.ready);
                return writer;
            };

            FetchReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.FetchReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.message = $root.troupe.v1.QueueMessage.decode(reader, reader.uint32());
                            break;
                        }
                    case 2: {
                            message.ready = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            FetchReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.message != null && message.hasOwnProperty("message")) {
                    properties._message = 1;
                    {
                        let error = $root.troupe.v1.QueueMessage.verify(message.message);
                        if (error)
                            return "message." + error;
                    }
                }
                if (message.ready != null && message.hasOwnProperty("ready"))
                    if (!$util.isInteger(message.ready) && !(message.ready && $util.isInteger(message.ready.low) && $util.isInteger(message.ready.high)))
                        return "ready: integer|Long expected";
                return null;
            };

            FetchReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.FetchReply)
                    return object;
                let message = new $root.troupe.v1.FetchReply();
                if (object.message != null) {
                    if (typeof object.message !== "object")
                        throw TypeError(".troupe.v1.FetchReply.message: object expected");
                    message.message = $root.troupe.v1.QueueMessage.fromObject(object.message);
                }
                if (object.ready != null)
                    if ($util.Long)
                        (message.ready = $util.Long.fromValue(object.ready)).unsigned = true;
                    else if (typeof object.ready === "string")
                        message.ready = parseInt(object.ready, 10);
                    else if (typeof object.ready === "number")
                        message.ready = object.ready;
                    else if (typeof object.ready === "object")
                        message.ready = new $util.LongBits(object.ready.low >>> 0, object.ready.high >>> 0).toNumber(true);
                return message;
            };

            FetchReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.ready = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.ready = options.longs === String ? "0" : 0;
                if (message.message != null && message.hasOwnProperty("message")) {
                    object.message = $root.troupe.v1.QueueMessage.toObject(message.message, options);
                    if (options.oneofs)
                        object._message = "message";
                }
                if (message.ready != null && message.hasOwnProperty("ready"))
                    if (typeof message.ready === "number")
                        object.ready = options.longs === String ? String(message.ready) : message.ready;
                    else
                        object.ready = options.longs === String ? $util.Long.prototype.toString.call(message.ready) : options.longs === Number ? new $util.LongBits(message.ready.low >>> 0, message.ready.high >>> 0).toNumber(true) : message.ready;
                return object;
            };

            FetchReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return FetchReply;
        })();

        v1.DeadLettersReply = (function() {

            function DeadLettersReply(properties) {
                this.messages = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            DeadLettersReply.prototype.messages = $util.emptyArray;

            DeadLettersReply.create = function create(properties) {
                return new DeadLettersReply(properties);
            };

            DeadLettersReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.messages != null && message.messages.length)
                    for (let i = 0; i < message.messages.length; ++i)
                        $root.troupe.v1.QueueMessage.encode(message.messages[i], writer.uint32(10).fork()).ldelim();
                return writer;
            };

            DeadLettersReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.DeadLettersReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.messages && message.messages.length))
                                message.messages = [];
                            message.messages.push($root.troupe.v1.QueueMessage.decode(reader, reader.uint32()));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            DeadLettersReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.messages != null && message.hasOwnProperty("messages")) {
                    if (!Array.isArray(message.messages))
                        return "messages: array expected";
                    for (let i = 0; i < message.messages.length; ++i) {
                        let error = $root.troupe.v1.QueueMessage.verify(message.messages[i]);
                        if (error)
                            return "messages." + error;
                    }
                }
                return null;
            };

            DeadLettersReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.DeadLettersReply)
                    return object;
                let message = new $root.troupe.v1.DeadLettersReply();
                if (object.messages) {
                    if (!Array.isArray(object.messages))
                        throw TypeError(".troupe.v1.DeadLettersReply.messages: array expected");
                    message.messages = [];
                    for (let i = 0; i < object.messages.length; ++i) {
                        if (typeof object.messages[i] !== "object")
                            throw TypeError(".troupe.v1.DeadLettersReply.messages: object expected");
                        message.messages[i] = $root.troupe.v1.QueueMessage.fromObject(object.messages[i]);
                    }
                }
                return message;
            };

            DeadLettersReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.messages = [];
                if (message.messages && message.messages.length) {
                    object.messages = [];
                    for (let j = 0; j < message.messages.length; ++j)
                        object.messages[j] = $root.troupe.v1.QueueMessage.toObject(message.messages[j], options);
                }
                return object;
            };

            DeadLettersReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DeadLettersReply;
        })();

        v1.Response = (function() {

            function Response(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Response.prototype.error = null;
            Response.prototype.pong = null;
            Response.prototype.value = null;
            Response.prototype.exists = null;
            Response.prototype.values = null;
            Response.prototype.set = null;
            Response.prototype.setMany = null;
            Response.prototype.names = null;
            Response.prototype.count = null;
            Response.prototype.items = null;
            Response.prototype.streamItem = null;
            Response.prototype.streamItems = null;
            Response.prototype.subscribe = null;
            Response.prototype.stats = null;
            Response.prototype.emit = null;
            Response.prototype.topicInfo = null;
            Response.prototype.queueStats = null;
            Response.prototype.deadLetters = null;
            Response.prototype.lock = null;
            Response.prototype.locks = null;
            Response.prototype.kv = null;
            Response.prototype.kvScan = null;
            Response.prototype.cluster = null;
            Response.prototype.backup = null;
            Response.prototype.fetch = null;
            Response.prototype.chunk = null;

            let $oneOfFields;

            Object.defineProperty(Response.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["pong", "value", "exists", "values", "set", "setMany", "names", "count", "items", "streamItem", "streamItems", "subscribe", "stats", "emit", "topicInfo", "queueStats", "deadLetters", "lock", "locks", "kv", "kvScan", "cluster", "backup", "fetch", "chunk"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Response.create = function create(properties) {
                return new Response(properties);
            };

            Response.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.troupe.v1.Error.encode(message.error, writer.uint32(10).fork()).ldelim();
                if (message.pong != null && Object.hasOwnProperty.call(message, "pong"))
                    $root.troupe.v1.Pong.encode(message.pong, writer.uint32(18).fork()).ldelim();
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    $root.troupe.v1.Value.encode(message.value, writer.uint32(26).fork()).ldelim();
                if (message.exists != null && Object.hasOwnProperty.call(message, "exists"))
                    $root.troupe.v1.ExistsReply.encode(message.exists, writer.uint32(34).fork()).ldelim();
                if (message.values != null && Object.hasOwnProperty.call(message, "values"))
                    $root.troupe.v1.ValuesReply.encode(message.values, writer.uint32(42).fork()).ldelim();
                if (message.set != null && Object.hasOwnProperty.call(message, "set"))
                    $root.troupe.v1.SetReply.encode(message.set, writer.uint32(50).fork()).ldelim();
                if (message.setMany != null && Object.hasOwnProperty.call(message, "setMany"))
                    $root.troupe.v1.SetManyReply.encode(message.setMany, writer.uint32(58).fork()).ldelim();
                if (message.names != null && Object.hasOwnProperty.call(message, "names"))
                    $root.troupe.v1.NamesReply.encode(message.names, writer.uint32(66).fork()).ldelim();
                if (message.count != null && Object.hasOwnProperty.call(message, "count"))
                    $root.troupe.v1.CountReply.encode(message.count, writer.uint32(74).fork()).ldelim();
                if (message.items != null && Object.hasOwnProperty.call(message, "items"))
                    $root.troupe.v1.ItemsReply.encode(message.items, writer.uint32(82).fork()).ldelim();
                if (message.streamItem != null && Object.hasOwnProperty.call(message, "streamItem"))
                    $root.troupe.v1.StreamItemReply.encode(message.streamItem, writer.uint32(90).fork()).ldelim();
                if (message.streamItems != null && Object.hasOwnProperty.call(message, "streamItems"))
                    $root.troupe.v1.StreamItemsReply.encode(message.streamItems, writer.uint32(98).fork()).ldelim();
                if (message.subscribe != null && Object.hasOwnProperty.call(message, "subscribe"))
                    $root.troupe.v1.SubscribeReply.encode(message.subscribe, writer.uint32(106).fork()).ldelim();
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    $root.troupe.v1.StatsReply.encode(message.stats, writer.uint32(114).fork()).ldelim();
                if (message.emit != null && Object.hasOwnProperty.call(message, "emit"))
                    $root.troupe.v1.EmitReply.encode(message.emit, writer.uint32(122).fork()).ldelim();
                if (message.topicInfo != null && Object.hasOwnProperty.call(message, "topicInfo"))
                    $root.troupe.v1.TopicInfoReply.encode(message.topicInfo, writer.uint32(130).fork()).ldelim();
                if (message.queueStats != null && Object.hasOwnProperty.call(message, "queueStats"))
                    $root.troupe.v1.QueueStatsReply.encode(message.queueStats, writer.uint32(138).fork()).ldelim();
                if (message.deadLetters != null && Object.hasOwnProperty.call(message, "deadLetters"))
                    $root.troupe.v1.DeadLettersReply.encode(message.deadLetters, writer.uint32(146).fork()).ldelim();
                if (message.lock != null && Object.hasOwnProperty.call(message, "lock"))
                    $root.troupe.v1.LockReply.encode(message.lock, writer.uint32(154).fork()).ldelim();
                if (message.locks != null && Object.hasOwnProperty.call(message, "locks"))
                    $root.troupe.v1.LocksReply.encode(message.locks, writer.uint32(162).fork()).ldelim();
                if (message.kv != null && Object.hasOwnProperty.call(message, "kv"))
                    $root.troupe.v1.KvReply.encode(message.kv, writer.uint32(170).fork()).ldelim();
                if (message.kvScan != null && Object.hasOwnProperty.call(message, "kvScan"))
                    $root.troupe.v1.KvScanReply.encode(message.kvScan, writer.uint32(178).fork()).ldelim();
                if (message.cluster != null && Object.hasOwnProperty.call(message, "cluster"))
                    $root.troupe.v1.ClusterStatusReply.encode(message.cluster, writer.uint32(186).fork()).ldelim();
                if (message.backup != null && Object.hasOwnProperty.call(message, "backup"))
                    $root.troupe.v1.BackupReply.encode(message.backup, writer.uint32(194).fork()).ldelim();
                if (message.fetch != null && Object.hasOwnProperty.call(message, "fetch"))
                    $root.troupe.v1.FetchReply.encode(message.fetch, writer.uint32(202).fork()).ldelim();
                if (message.chunk != null && Object.hasOwnProperty.call(message, "chunk"))
                    $root.troupe.v1.PartitionChunk.encode(message.chunk, writer.uint32(210).fork()).ldelim();
                return writer;
            };

            Response.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Response();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.error = $root.troupe.v1.Error.decode(reader, reader.uint32());
                            break;
                        }
                    case 2: {
                            message.pong = $root.troupe.v1.Pong.decode(reader, reader.uint32());
                            break;
                        }
                    case 3: {
                            message.value = $root.troupe.v1.Value.decode(reader, reader.uint32());
                            break;
                        }
                    case 4: {
                            message.exists = $root.troupe.v1.ExistsReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 5: {
                            message.values = $root.troupe.v1.ValuesReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 6: {
                            message.set = $root.troupe.v1.SetReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 7: {
                            message.setMany = $root.troupe.v1.SetManyReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 8: {
                            message.names = $root.troupe.v1.NamesReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 9: {
                            message.count = $root.troupe.v1.CountReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 10: {
                            message.items = $root.troupe.v1.ItemsReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 11: {
                            message.streamItem = $root.troupe.v1.StreamItemReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 12: {
                            message.streamItems = $root.troupe.v1.StreamItemsReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 13: {
                            message.subscribe = $root.troupe.v1.SubscribeReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 14: {
                            message.stats = $root.troupe.v1.StatsReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 15: {
                            message.emit = $root.troupe.v1.EmitReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 16: {
                            message.topicInfo = $root.troupe.v1.TopicInfoReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 17: {
                            message.queueStats = $root.troupe.v1.QueueStatsReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 18: {
                            message.deadLetters = $root.troupe.v1.DeadLettersReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 19: {
                            message.lock = $root.troupe.v1.LockReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 20: {
                            message.locks = $root.troupe.v1.LocksReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 21: {
                            message.kv = $root.troupe.v1.KvReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 22: {
                            message.kvScan = $root.troupe.v1.KvScanReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 23: {
                            message.cluster = $root.troupe.v1.ClusterStatusReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 24: {
                            message.backup = $root.troupe.v1.BackupReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 25: {
                            message.fetch = $root.troupe.v1.FetchReply.decode(reader, reader.uint32());
                            break;
                        }
                    case 26: {
                            message.chunk = $root.troupe.v1.PartitionChunk.decode(reader, reader.uint32());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Response.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.error != null && message.hasOwnProperty("error")) {
                    let error = $root.troupe.v1.Error.verify(message.error);
                    if (error)
                        return "error." + error;
                }
                if (message.pong != null && message.hasOwnProperty("pong")) {
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.Pong.verify(message.pong);
                        if (error)
                            return "pong." + error;
                    }
                }
                if (message.value != null && message.hasOwnProperty("value")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.Value.verify(message.value);
                        if (error)
                            return "value." + error;
                    }
                }
                if (message.exists != null && message.hasOwnProperty("exists")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.ExistsReply.verify(message.exists);
                        if (error)
                            return "exists." + error;
                    }
                }
                if (message.values != null && message.hasOwnProperty("values")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.ValuesReply.verify(message.values);
                        if (error)
                            return "values." + error;
                    }
                }
                if (message.set != null && message.hasOwnProperty("set")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.SetReply.verify(message.set);
                        if (error)
                            return "set." + error;
                    }
                }
                if (message.setMany != null && message.hasOwnProperty("setMany")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.SetManyReply.verify(message.setMany);
                        if (error)
                            return "setMany." + error;
                    }
                }
                if (message.names != null && message.hasOwnProperty("names")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.NamesReply.verify(message.names);
                        if (error)
                            return "names." + error;
                    }
                }
                if (message.count != null && message.hasOwnProperty("count")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.CountReply.verify(message.count);
                        if (error)
                            return "count." + error;
                    }
                }
                if (message.items != null && message.hasOwnProperty("items")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.ItemsReply.verify(message.items);
                        if (error)
                            return "items." + error;
                    }
                }
                if (message.streamItem != null && message.hasOwnProperty("streamItem")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.StreamItemReply.verify(message.streamItem);
                        if (error)
                            return "streamItem." + error;
                    }
                }
                if (message.streamItems != null && message.hasOwnProperty("streamItems")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.StreamItemsReply.verify(message.streamItems);
                        if (error)
                            return "streamItems." + error;
                    }
                }
                if (message.subscribe != null && message.hasOwnProperty("subscribe")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.SubscribeReply.verify(message.subscribe);
                        if (error)
                            return "subscribe." + error;
                    }
                }
                if (message.stats != null && message.hasOwnProperty("stats")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.StatsReply.verify(message.stats);
                        if (error)
                            return "stats." + error;
                    }
                }
                if (message.emit != null && message.hasOwnProperty("emit")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.EmitReply.verify(message.emit);
                        if (error)
                            return "emit." + error;
                    }
                }
                if (message.topicInfo != null && message.hasOwnProperty("topicInfo")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.TopicInfoReply.verify(message.topicInfo);
                        if (error)
                            return "topicInfo." + error;
                    }
                }
                if (message.queueStats != null && message.hasOwnProperty("queueStats")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.QueueStatsReply.verify(message.queueStats);
                        if (error)
                            return "queueStats." + error;
                    }
                }
                if (message.deadLetters != null && message.hasOwnProperty("deadLetters")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.DeadLettersReply.verify(message.deadLetters);
                        if (error)
                            return "deadLetters." + error;
                    }
                }
                if (message.lock != null && message.hasOwnProperty("lock")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.LockReply.verify(message.lock);
                        if (error)
                            return "lock." + error;
                    }
                }
                if (message.locks != null && message.hasOwnProperty("locks")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.LocksReply.verify(message.locks);
                        if (error)
                            return "locks." + error;
                    }
                }
                if (message.kv != null && message.hasOwnProperty("kv")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.KvReply.verify(message.kv);
                        if (error)
                            return "kv." + error;
                    }
                }
                if (message.kvScan != null && message.hasOwnProperty("kvScan")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.KvScanReply.verify(message.kvScan);
                        if (error)
                            return "kvScan." + error;
                    }
                }
                if (message.cluster != null && message.hasOwnProperty("cluster")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.ClusterStatusReply.verify(message.cluster);
                        if (error)
                            return "cluster." + error;
                    }
                }
                if (message.backup != null && message.hasOwnProperty("backup")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.BackupReply.verify(message.backup);
                        if (error)
                            return "backup." + error;
                    }
                }
                if (message.fetch != null && message.hasOwnProperty("fetch")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.FetchReply.verify(message.fetch);
                        if (error)
                            return "fetch." + error;
                    }
                }
                if (message.chunk != null && message.hasOwnProperty("chunk")) {
                    if (properties.result === 1)
                        return "result: multiple values";
                    properties.result = 1;
                    {
                        let error = $root.troupe.v1.PartitionChunk.verify(message.chunk);
                        if (error)
                            return "chunk." + error;
                    }
                }
                return null;
            };

            Response.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Response)
                    return object;
                let message = new $root.troupe.v1.Response();
                if (object.error != null) {
                    if (typeof object.error !== "object")
                        throw TypeError(".troupe.v1.Response.error: object expected");
                    message.error = $root.troupe.v1.Error.fromObject(object.error);
                }
                if (object.pong != null) {
                    if (typeof object.pong !== "object")
                        throw TypeError(".troupe.v1.Response.pong: object expected");
                    message.pong = $root.troupe.v1.Pong.fromObject(object.pong);
                }
                if (object.value != null) {
                    if (typeof object.value !== "object")
                        throw TypeError(".troupe.v1.Response.value: object expected");
                    message.value = $root.troupe.v1.Value.fromObject(object.value);
                }
                if (object.exists != null) {
                    if (typeof object.exists !== "object")
                        throw TypeError(".troupe.v1.Response.exists: object expected");
                    message.exists = $root.troupe.v1.ExistsReply.fromObject(object.exists);
                }
                if (object.values != null) {
                    if (typeof object.values !== "object")
                        throw TypeError(".troupe.v1.Response.values: object expected");
                    message.values = $root.troupe.v1.ValuesReply.fromObject(object.values);
                }
                if (object.set != null) {
                    if (typeof object.set !== "object")
                        throw TypeError(".troupe.v1.Response.set: object expected");
                    message.set = $root.troupe.v1.SetReply.fromObject(object.set);
                }
                if (object.setMany != null) {
                    if (typeof object.setMany !== "object")
                        throw TypeError(".troupe.v1.Response.setMany: object expected");
                    message.setMany = $root.troupe.v1.SetManyReply.fromObject(object.setMany);
                }
                if (object.names != null) {
                    if (typeof object.names !== "object")
                        throw TypeError(".troupe.v1.Response.names: object expected");
                    message.names = $root.troupe.v1.NamesReply.fromObject(object.names);
                }
                if (object.count != null) {
                    if (typeof object.count !== "object")
                        throw TypeError(".troupe.v1.Response.count: object expected");
                    message.count = $root.troupe.v1.CountReply.fromObject(object.count);
                }
                if (object.items != null) {
                    if (typeof object.items !== "object")
                        throw TypeError(".troupe.v1.Response.items: object expected");
                    message.items = $root.troupe.v1.ItemsReply.fromObject(object.items);
                }
                if (object.streamItem != null) {
                    if (typeof object.streamItem !== "object")
                        throw TypeError(".troupe.v1.Response.streamItem: object expected");
                    message.streamItem = $root.troupe.v1.StreamItemReply.fromObject(object.streamItem);
                }
                if (object.streamItems != null) {
                    if (typeof object.streamItems !== "object")
                        throw TypeError(".troupe.v1.Response.streamItems: object expected");
                    message.streamItems = $root.troupe.v1.StreamItemsReply.fromObject(object.streamItems);
                }
                if (object.subscribe != null) {
                    if (typeof object.subscribe !== "object")
                        throw TypeError(".troupe.v1.Response.subscribe: object expected");
                    message.subscribe = $root.troupe.v1.SubscribeReply.fromObject(object.subscribe);
                }
                if (object.stats != null) {
                    if (typeof object.stats !== "object")
                        throw TypeError(".troupe.v1.Response.stats: object expected");
                    message.stats = $root.troupe.v1.StatsReply.fromObject(object.stats);
                }
                if (object.emit != null) {
                    if (typeof object.emit !== "object")
                        throw TypeError(".troupe.v1.Response.emit: object expected");
                    message.emit = $root.troupe.v1.EmitReply.fromObject(object.emit);
                }
                if (object.topicInfo != null) {
                    if (typeof object.topicInfo !== "object")
                        throw TypeError(".troupe.v1.Response.topicInfo: object expected");
                    message.topicInfo = $root.troupe.v1.TopicInfoReply.fromObject(object.topicInfo);
                }
                if (object.queueStats != null) {
                    if (typeof object.queueStats !== "object")
                        throw TypeError(".troupe.v1.Response.queueStats: object expected");
                    message.queueStats = $root.troupe.v1.QueueStatsReply.fromObject(object.queueStats);
                }
                if (object.deadLetters != null) {
                    if (typeof object.deadLetters !== "object")
                        throw TypeError(".troupe.v1.Response.deadLetters: object expected");
                    message.deadLetters = $root.troupe.v1.DeadLettersReply.fromObject(object.deadLetters);
                }
                if (object.lock != null) {
                    if (typeof object.lock !== "object")
                        throw TypeError(".troupe.v1.Response.lock: object expected");
                    message.lock = $root.troupe.v1.LockReply.fromObject(object.lock);
                }
                if (object.locks != null) {
                    if (typeof object.locks !== "object")
                        throw TypeError(".troupe.v1.Response.locks: object expected");
                    message.locks = $root.troupe.v1.LocksReply.fromObject(object.locks);
                }
                if (object.kv != null) {
                    if (typeof object.kv !== "object")
                        throw TypeError(".troupe.v1.Response.kv: object expected");
                    message.kv = $root.troupe.v1.KvReply.fromObject(object.kv);
                }
                if (object.kvScan != null) {
                    if (typeof object.kvScan !== "object")
                        throw TypeError(".troupe.v1.Response.kvScan: object expected");
                    message.kvScan = $root.troupe.v1.KvScanReply.fromObject(object.kvScan);
                }
                if (object.cluster != null) {
                    if (typeof object.cluster !== "object")
                        throw TypeError(".troupe.v1.Response.cluster: object expected");
                    message.cluster = $root.troupe.v1.ClusterStatusReply.fromObject(object.cluster);
                }
                if (object.backup != null) {
                    if (typeof object.backup !== "object")
                        throw TypeError(".troupe.v1.Response.backup: object expected");
                    message.backup = $root.troupe.v1.BackupReply.fromObject(object.backup);
                }
                if (object.fetch != null) {
                    if (typeof object.fetch !== "object")
                        throw TypeError(".troupe.v1.Response.fetch: object expected");
                    message.fetch = $root.troupe.v1.FetchReply.fromObject(object.fetch);
                }
                if (object.chunk != null) {
                    if (typeof object.chunk !== "object")
                        throw TypeError(".troupe.v1.Response.chunk: object expected");
                    message.chunk = $root.troupe.v1.PartitionChunk.fromObject(object.chunk);
                }
                return message;
            };

            Response.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    object.error = null;
                if (message.error != null && message.hasOwnProperty("error"))
                    object.error = $root.troupe.v1.Error.toObject(message.error, options);
                if (message.pong != null && message.hasOwnProperty("pong")) {
                    object.pong = $root.troupe.v1.Pong.toObject(message.pong, options);
                    if (options.oneofs)
                        object.result = "pong";
                }
                if (message.value != null && message.hasOwnProperty("value")) {
                    object.value = $root.troupe.v1.Value.toObject(message.value, options);
                    if (options.oneofs)
                        object.result = "value";
                }
                if (message.exists != null && message.hasOwnProperty("exists")) {
                    object.exists = $root.troupe.v1.ExistsReply.toObject(message.exists, options);
                    if (options.oneofs)
                        object.result = "exists";
                }
                if (message.values != null && message.hasOwnProperty("values")) {
                    object.values = $root.troupe.v1.ValuesReply.toObject(message.values, options);
                    if (options.oneofs)
                        object.result = "values";
                }
                if (message.set != null && message.hasOwnProperty("set")) {
                    object.set = $root.troupe.v1.SetReply.toObject(message.set, options);
                    if (options.oneofs)
                        object.result = "set";
                }
                if (message.setMany != null && message.hasOwnProperty("setMany")) {
                    object.setMany = $root.troupe.v1.SetManyReply.toObject(message.setMany, options);
                    if (options.oneofs)
                        object.result = "setMany";
                }
                if (message.names != null && message.hasOwnProperty("names")) {
                    object.names = $root.troupe.v1.NamesReply.toObject(message.names, options);
                    if (options.oneofs)
                        object.result = "names";
                }
                if (message.count != null && message.hasOwnProperty("count")) {
                    object.count = $root.troupe.v1.CountReply.toObject(message.count, options);
                    if (options.oneofs)
                        object.result = "count";
                }
                if (message.items != null && message.hasOwnProperty("items")) {
                    object.items = $root.troupe.v1.ItemsReply.toObject(message.items, options);
                    if (options.oneofs)
                        object.result = "items";
                }
                if (message.streamItem != null && message.hasOwnProperty("streamItem")) {
                    object.streamItem = $root.troupe.v1.StreamItemReply.toObject(message.streamItem, options);
                    if (options.oneofs)
                        object.result = "streamItem";
                }
                if (message.streamItems != null && message.hasOwnProperty("streamItems")) {
                    object.streamItems = $root.troupe.v1.StreamItemsReply.toObject(message.streamItems, options);
                    if (options.oneofs)
                        object.result = "streamItems";
                }
                if (message.subscribe != null && message.hasOwnProperty("subscribe")) {
                    object.subscribe = $root.troupe.v1.SubscribeReply.toObject(message.subscribe, options);
                    if (options.oneofs)
                        object.result = "subscribe";
                }
                if (message.stats != null && message.hasOwnProperty("stats")) {
                    object.stats = $root.troupe.v1.StatsReply.toObject(message.stats, options);
                    if (options.oneofs)
                        object.result = "stats";
                }
                if (message.emit != null && message.hasOwnProperty("emit")) {
                    object.emit = $root.troupe.v1.EmitReply.toObject(message.emit, options);
                    if (options.oneofs)
                        object.result = "emit";
                }
                if (message.topicInfo != null && message.hasOwnProperty("topicInfo")) {
                    object.topicInfo = $root.troupe.v1.TopicInfoReply.toObject(message.topicInfo, options);
                    if (options.oneofs)
                        object.result = "topicInfo";
                }
                if (message.queueStats != null && message.hasOwnProperty("queueStats")) {
                    object.queueStats = $root.troupe.v1.QueueStatsReply.toObject(message.queueStats, options);
                    if (options.oneofs)
                        object.result = "queueStats";
                }
                if (message.deadLetters != null && message.hasOwnProperty("deadLetters")) {
                    object.deadLetters = $root.troupe.v1.DeadLettersReply.toObject(message.deadLetters, options);
                    if (options.oneofs)
                        object.result = "deadLetters";
                }
                if (message.lock != null && message.hasOwnProperty("lock")) {
                    object.lock = $root.troupe.v1.LockReply.toObject(message.lock, options);
                    if (options.oneofs)
                        object.result = "lock";
                }
                if (message.locks != null && message.hasOwnProperty("locks")) {
                    object.locks = $root.troupe.v1.LocksReply.toObject(message.locks, options);
                    if (options.oneofs)
                        object.result = "locks";
                }
                if (message.kv != null && message.hasOwnProperty("kv")) {
                    object.kv = $root.troupe.v1.KvReply.toObject(message.kv, options);
                    if (options.oneofs)
                        object.result = "kv";
                }
                if (message.kvScan != null && message.hasOwnProperty("kvScan")) {
                    object.kvScan = $root.troupe.v1.KvScanReply.toObject(message.kvScan, options);
                    if (options.oneofs)
                        object.result = "kvScan";
                }
                if (message.cluster != null && message.hasOwnProperty("cluster")) {
                    object.cluster = $root.troupe.v1.ClusterStatusReply.toObject(message.cluster, options);
                    if (options.oneofs)
                        object.result = "cluster";
                }
                if (message.backup != null && message.hasOwnProperty("backup")) {
                    object.backup = $root.troupe.v1.BackupReply.toObject(message.backup, options);
                    if (options.oneofs)
                        object.result = "backup";
                }
                if (message.fetch != null && message.hasOwnProperty("fetch")) {
                    object.fetch = $root.troupe.v1.FetchReply.toObject(message.fetch, options);
                    if (options.oneofs)
                        object.result = "fetch";
                }
                if (message.chunk != null && message.hasOwnProperty("chunk")) {
                    object.chunk = $root.troupe.v1.PartitionChunk.toObject(message.chunk, options);
                    if (options.oneofs)
                        object.result = "chunk";
                }
                return object;
            };

            Response.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Response;
        })();

        v1.StreamEvent = (function() {

            function StreamEvent(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            StreamEvent.prototype.stream = $util.newBuffer([]);
            StreamEvent.prototype.groupId = $util.newBuffer([]);
            StreamEvent.prototype.id = $util.newBuffer([]);
            StreamEvent.prototype.type = $util.newBuffer([]);
            StreamEvent.prototype.data = $util.newBuffer([]);
            StreamEvent.prototype.custom = false;

            StreamEvent.create = function create(properties) {
                return new StreamEvent(properties);
            };

            StreamEvent.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    writer.uint32(10).bytes(message.stream);
                if (message.groupId != null && Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).bytes(message.groupId);
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(26).bytes(message.id);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(34).bytes(message.type);
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(42).bytes(message.data);
                if (message.custom != null && Object.hasOwnProperty.call(message, "custom"))
                    writer.uint32(48).bool(message.custom);
                return writer;
            };

            StreamEvent.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.StreamEvent();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.stream = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.groupId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.id = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.type = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 6: {
                            message.custom = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            StreamEvent.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.stream != null && message.hasOwnProperty("stream"))
                    if (!(message.stream && typeof message.stream.length === "number" || $util.isString(message.stream)))
                        return "stream: buffer expected";
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    if (!(message.groupId && typeof message.groupId.length === "number" || $util.isString(message.groupId)))
                        return "groupId: buffer expected";
                if (message.id != null && message.hasOwnProperty("id"))
                    if (!(message.id && typeof message.id.length === "number" || $util.isString(message.id)))
                        return "id: buffer expected";
                if (message.type != null && message.hasOwnProperty("type"))
                    if (!(message.type && typeof message.type.length === "number" || $util.isString(message.type)))
                        return "type: buffer expected";
                if (message.data != null && message.hasOwnProperty("data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                if (message.custom != null && message.hasOwnProperty("custom"))
                    if (typeof message.custom !== "boolean")
                        return "custom: boolean expected";
                return null;
            };

            StreamEvent.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.StreamEvent)
                    return object;
                let message = new $root.troupe.v1.StreamEvent();
                if (object.stream != null)
                    if (typeof object.stream === "string")
                        $util.base64.decode(object.stream, message.stream = $util.newBuffer($util.base64.length(object.stream)), 0);
                    else if (object.stream.length >= 0)
                        message.stream = object.stream;
                if (object.groupId != null)
                    if (typeof object.groupId === "string")
                        $util.base64.decode(object.groupId, message.groupId = $util.newBuffer($util.base64.length(object.groupId)), 0);
                    else if (object.groupId.length >= 0)
                        message.groupId = object.groupId;
                if (object.id != null)
                    if (typeof object.id === "string")
                        $util.base64.decode(object.id, message.id = $util.newBuffer($util.base64.length(object.id)), 0);
                    else if (object.id.length >= 0)
                        message.id = object.id;
                if (object.type != null)
                    if (typeof object.type === "string")
                        $util.base64.decode(object.type, message.type = $util.newBuffer($util.base64.length(object.type)), 0);
                    else if (object.type.length >= 0)
                        message.type = object.type;
                if (object.data != null)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
                if (object.custom != null)
                    message.custom = Boolean(object.custom);
                return message;
            };

            StreamEvent.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.stream = "";
                    else {
                        object.stream = [];
                        if (options.bytes !== Array)
                            object.stream = $util.newBuffer(object.stream);
                    }
                    if (options.bytes === String)
                        object.groupId = "";
                    else {
                        object.groupId = [];
                        if (options.bytes !== Array)
                            object.groupId = $util.newBuffer(object.groupId);
                    }
                    if (options.bytes === String)
                        object.id = "";
                    else {
                        object.id = [];
                        if (options.bytes !== Array)
                            object.id = $util.newBuffer(object.id);
                    }
                    if (options.bytes === String)
                        object.type = "";
                    else {
                        object.type = [];
                        if (options.bytes !== Array)
                            object.type = $util.newBuffer(object.type);
                    }
                    if (options.bytes === String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    object.custom = false;
                }
                if (message.stream != null && message.hasOwnProperty("stream"))
                    object.stream = options.bytes === String ? $util.base64.encode(message.stream, 0, message.stream.length) : options.bytes === Array ? Array.prototype.slice.call(message.stream) : message.stream;
                if (message.groupId != null && message.hasOwnProperty("groupId"))
                    object.groupId = options.bytes === String ? $util.base64.encode(message.groupId, 0, message.groupId.length) : options.bytes === Array ? Array.prototype.slice.call(message.groupId) : message.groupId;
                if (message.id != null && message.hasOwnProperty("id"))
                    object.id = options.bytes === String ? $util.base64.encode(message.id, 0, message.id.length) : options.bytes === Array ? Array.prototype.slice.call(message.id) : message.id;
                if (message.type != null && message.hasOwnProperty("type"))
                    object.type = options.bytes === String ? $util.base64.encode(message.type, 0, message.type.length) : options.bytes === Array ? Array.prototype.slice.call(message.type) : message.type;
                if (message.data != null && message.hasOwnProperty("data"))
                    object.data = options.bytes === String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === Array ? Array.prototype.slice.call(message.data) : message.data;
                if (message.custom != null && message.hasOwnProperty("custom"))
                    object.custom = message.custom;
                return object;
            };

            StreamEvent.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StreamEvent;
        })();

        v1.Push = (function() {

            function Push(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Push.prototype.subscriptionId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Push.prototype.event = null;
            Push.prototype.delivery = null;
            Push.prototype.overflow = false;

            Push.create = function create(properties) {
                return new Push(properties);
            };

            Push.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.subscriptionId != null && Object.hasOwnProperty.call(message, "subscriptionId"))
                    writer.uint32(8).uint64(message.subscriptionId);
                if (message.event != null && Object.hasOwnProperty.call(message, "event"))
                    $root.troupe.v1.StreamEvent.encode(message.event, writer.uint32(18).fork()).ldelim();
                if (message.overflow != null && Object.hasOwnProperty.call(message, "overflow"))
                    writer.uint32(24).bool(message.overflow);
                if (message.delivery != null && Object.hasOwnProperty.call(message, "delivery"))
                    $root.troupe.v1.QueueMessage.encode(message.delivery, writer.uint32(34).fork()).ldelim();
                return writer;
            };

            Push.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Push();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.subscriptionId = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.event = $root.troupe.v1.StreamEvent.decode(reader, reader.uint32());
                            break;
                        }
                    case 4: {
                            message.delivery = $root.troupe.v1.QueueMessage.decode(reader, reader.uint32());
                            break;
                        }
                    case 3: {
                            message.overflow = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Push.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (!$util.isInteger(message.subscriptionId) && !(message.subscriptionId && $util.isInteger(message.subscriptionId.low) && $util.isInteger(message.subscriptionId.high)))
                        return "subscriptionId: integer|Long expected";
                if (message.event != null && message.hasOwnProperty("event")) {
                    let error = $root.troupe.v1.StreamEvent.verify(message.event);
                    if (error)
                        return "event." + error;
                }
                if (message.delivery != null && message.hasOwnProperty("delivery")) {
                    let error = $root.troupe.v1.QueueMessage.verify(message.delivery);
                    if (error)
                        return "delivery." + error;
                }
                if (message.overflow != null && message.hasOwnProperty("overflow"))
                    if (typeof message.overflow !== "boolean")
                        return "overflow: boolean expected";
                return null;
            };

            Push.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Push)
                    return object;
                let message = new $root.troupe.v1.Push();
                if (object.subscriptionId != null)
                    if ($util.Long)
                        (message.subscriptionId = $util.Long.fromValue(object.subscriptionId)).unsigned = true;
                    else if (typeof object.subscriptionId === "string")
                        message.subscriptionId = parseInt(object.subscriptionId, 10);
                    else if (typeof object.subscriptionId === "number")
                        message.subscriptionId = object.subscriptionId;
                    else if (typeof object.subscriptionId === "object")
                        message.subscriptionId = new $util.LongBits(object.subscriptionId.low >>> 0, object.subscriptionId.high >>> 0).toNumber(true);
                if (object.event != null) {
                    if (typeof object.event !== "object")
                        throw TypeError(".troupe.v1.Push.event: object expected");
                    message.event = $root.troupe.v1.StreamEvent.fromObject(object.event);
                }
                if (object.delivery != null) {
                    if (typeof object.delivery !== "object")
                        throw TypeError(".troupe.v1.Push.delivery: object expected");
                    message.delivery = $root.troupe.v1.QueueMessage.fromObject(object.delivery);
                }
                if (object.overflow != null)
                    message.overflow = Boolean(object.overflow);
                return message;
            };

            Push.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.subscriptionId = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.subscriptionId = options.longs === String ? "0" : 0;
                    object.event = null;
                    object.overflow = false;
                    object.delivery = null;
                }
                if (message.subscriptionId != null && message.hasOwnProperty("subscriptionId"))
                    if (typeof message.subscriptionId === "number")
                        object.subscriptionId = options.longs === String ? String(message.subscriptionId) : message.subscriptionId;
                    else
                        object.subscriptionId = options.longs === String ? $util.Long.prototype.toString.call(message.subscriptionId) : options.longs === Number ? new $util.LongBits(message.subscriptionId.low >>> 0, message.subscriptionId.high >>> 0).toNumber(true) : message.subscriptionId;
                if (message.event != null && message.hasOwnProperty("event"))
                    object.event = $root.troupe.v1.StreamEvent.toObject(message.event, options);
                if (message.overflow != null && message.hasOwnProperty("overflow"))
                    object.overflow = message.overflow;
                if (message.delivery != null && message.hasOwnProperty("delivery"))
                    object.delivery = $root.troupe.v1.QueueMessage.toObject(message.delivery, options);
                return object;
            };

            Push.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Push;
        })();

        v1.Frame = (function() {

            function Frame(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            Frame.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Frame.prototype.hello = null;
            Frame.prototype.welcome = null;
            Frame.prototype.request = null;
            Frame.prototype.response = null;
            Frame.prototype.error = null;
            Frame.prototype.push = null;

            let $oneOfFields;

            Object.defineProperty(Frame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "welcome", "request", "response", "error", "push"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Frame.create = function create(properties) {
                return new Frame(properties);
            };

            Frame.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(8).uint64(message.id);
                if (message.hello != null && Object.hasOwnProperty.call(message, "hello"))
                    $root.troupe.v1.Hello.encode(message.hello, writer.uint32(18).fork()).ldelim();
                if (message.welcome != null && Object.hasOwnProperty.call(message, "welcome"))
                    $root.troupe.v1.Welcome.encode(message.welcome, writer.uint32(26).fork()).ldelim();
                if (message.request != null && Object.hasOwnProperty.call(message, "request"))
                    $root.troupe.v1.Request.encode(message.request, writer.uint32(34).fork()).ldelim();
                if (message.response != null && Object.hasOwnProperty.call(message, "response"))
                    $root.troupe.v1.Response.encode(message.response, writer.uint32(42).fork()).ldelim();
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.troupe.v1.Error.encode(message.error, writer.uint32(50).fork()).ldelim();
                if (message.push != null && Object.hasOwnProperty.call(message, "push"))
                    $root.troupe.v1.Push.encode(message.push, writer.uint32(58).fork()).ldelim();
                return writer;
            };

            Frame.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.Frame();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.hello = $root.troupe.v1.Hello.decode(reader, reader.uint32());
                            break;
                        }
                    case 3: {
                            message.welcome = $root.troupe.v1.Welcome.decode(reader, reader.uint32());
                            break;
                        }
                    case 4: {
                            message.request = $root.troupe.v1.Request.decode(reader, reader.uint32());
                            break;
                        }
                    case 5: {
                            message.response = $root.troupe.v1.Response.decode(reader, reader.uint32());
                            break;
                        }
                    case 6: {
                            message.error = $root.troupe.v1.Error.decode(reader, reader.uint32());
                            break;
                        }
                    case 7: {
                            message.push = $root.troupe.v1.Push.decode(reader, reader.uint32());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            Frame.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                let properties = {};
                if (message.id != null && message.hasOwnProperty("id"))
                    if (!$util.isInteger(message.id) && !(message.id && $util.isInteger(message.id.low) && $util.isInteger(message.id.high)))
                        return "id: integer|Long expected";
                if (message.hello != null && message.hasOwnProperty("hello")) {
                    properties.body = 1;
                    {
                        let error = $root.troupe.v1.Hello.verify(message.hello);
                        if (error)
                            return "hello." + error;
                    }
                }
                if (message.welcome != null && message.hasOwnProperty("welcome")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.troupe.v1.Welcome.verify(message.welcome);
                        if (error)
                            return "welcome." + error;
                    }
                }
                if (message.request != null && message.hasOwnProperty("request")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.troupe.v1.Request.verify(message.request);
                        if (error)
                            return "request." + error;
                    }
                }
                if (message.response != null && message.hasOwnProperty("response")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.troupe.v1.Response.verify(message.response);
                        if (error)
                            return "response." + error;
                    }
                }
                if (message.error != null && message.hasOwnProperty("error")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.troupe.v1.Error.verify(message.error);
                        if (error)
                            return "error." + error;
                    }
                }
                if (message.push != null && message.hasOwnProperty("push")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.troupe.v1.Push.verify(message.push);
                        if (error)
                            return "push." + error;
                    }
                }
                return null;
            };

            Frame.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.Frame)
                    return object;
                let message = new $root.troupe.v1.Frame();
                if (object.id != null)
                    if ($util.Long)
                        (message.id = $util.Long.fromValue(object.id)).unsigned = true;
                    else if (typeof object.id === "string")
                        message.id = parseInt(object.id, 10);
                    else if (typeof object.id === "number")
                        message.id = object.id;
                    else if (typeof object.id === "object")
                        message.id = new $util.LongBits(object.id.low >>> 0, object.id.high >>> 0).toNumber(true);
                if (object.hello != null) {
                    if (typeof object.hello !== "object")
                        throw TypeError(".troupe.v1.Frame.hello: object expected");
                    message.hello = $root.troupe.v1.Hello.fromObject(object.hello);
                }
                if (object.welcome != null) {
                    if (typeof object.welcome !== "object")
                        throw TypeError(".troupe.v1.Frame.welcome: object expected");
                    message.welcome = $root.troupe.v1.Welcome.fromObject(object.welcome);
                }
                if (object.request != null) {
                    if (typeof object.request !== "object")
                        throw TypeError(".troupe.v1.Frame.request: object expected");
                    message.request = $root.troupe.v1.Request.fromObject(object.request);
                }
                if (object.response != null) {
                    if (typeof object.response !== "object")
                        throw TypeError(".troupe.v1.Frame.response: object expected");
                    message.response = $root.troupe.v1.Response.fromObject(object.response);
                }
                if (object.error != null) {
                    if (typeof object.error !== "object")
                        throw TypeError(".troupe.v1.Frame.error: object expected");
                    message.error = $root.troupe.v1.Error.fromObject(object.error);
                }
                if (object.push != null) {
                    if (typeof object.push !== "object")
                        throw TypeError(".troupe.v1.Frame.push: object expected");
                    message.push = $root.troupe.v1.Push.fromObject(object.push);
                }
                return message;
            };

            Frame.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.id = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.id = options.longs === String ? "0" : 0;
                if (message.id != null && message.hasOwnProperty("id"))
                    if (typeof message.id === "number")
                        object.id = options.longs === String ? String(message.id) : message.id;
                    else
                        object.id = options.longs === String ? $util.Long.prototype.toString.call(message.id) : options.longs === Number ? new $util.LongBits(message.id.low >>> 0, message.id.high >>> 0).toNumber(true) : message.id;
                if (message.hello != null && message.hasOwnProperty("hello")) {
                    object.hello = $root.troupe.v1.Hello.toObject(message.hello, options);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.welcome != null && message.hasOwnProperty("welcome")) {
                    object.welcome = $root.troupe.v1.Welcome.toObject(message.welcome, options);
                    if (options.oneofs)
                        object.body = "welcome";
                }
                if (message.request != null && message.hasOwnProperty("request")) {
                    object.request = $root.troupe.v1.Request.toObject(message.request, options);
                    if (options.oneofs)
                        object.body = "request";
                }
                if (message.response != null && message.hasOwnProperty("response")) {
                    object.response = $root.troupe.v1.Response.toObject(message.response, options);
                    if (options.oneofs)
                        object.body = "response";
                }
                if (message.error != null && message.hasOwnProperty("error")) {
                    object.error = $root.troupe.v1.Error.toObject(message.error, options);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.push != null && message.hasOwnProperty("push")) {
                    object.push = $root.troupe.v1.Push.toObject(message.push, options);
                    if (options.oneofs)
                        object.body = "push";
                }
                return object;
            };

            Frame.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Frame;
        })();

        v1.KvCommand = (function() {

            function KvCommand(properties) {
                this.args = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvCommand.prototype.args = $util.emptyArray;
            KvCommand.prototype.resp3 = false;
            KvCommand.prototype.blockMs = 0;
            KvCommand.prototype.rerun = false;
            KvCommand.prototype["eval"] = null;
            KvCommand.prototype.blockToken = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            KvCommand.create = function create(properties) {
                return new KvCommand(properties);
            };

            KvCommand.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.args != null && message.args.length)
                    for (let i = 0; i < message.args.length; ++i)
                        writer.uint32(10).bytes(message.args[i]);
                if (message.resp3 != null && Object.hasOwnProperty.call(message, "resp3"))
                    writer.uint32(16).bool(message.resp3);
                if (message.blockMs != null && Object.hasOwnProperty.call(message, "blockMs"))
                    writer.uint32(24).uint32(message.blockMs);
                if (message.rerun != null && Object.hasOwnProperty.call(message, "rerun"))
                    writer.uint32(32).bool(message.rerun);
                if (message["eval"] != null && Object.hasOwnProperty.call(message, "eval"))
                    $root.troupe.v1.KvEval.encode(message["eval"], writer.uint32(42).fork()).ldelim();
                if (message.blockToken != null && Object.hasOwnProperty.call(message, "blockToken"))
                    writer.uint32(48).uint64(message.blockToken);
                return writer;
            };

            KvCommand.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvCommand();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.args && message.args.length))
                                message.args = [];
                            message.args.push(reader.bytes());
                            break;
                        }
                    case 2: {
                            message.resp3 = reader.bool();
                            break;
                        }
                    case 3: {
                            message.blockMs = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.rerun = reader.bool();
                            break;
                        }
                    case 5: {
                            message["eval"] = $root.troupe.v1.KvEval.decode(reader, reader.uint32());
                            break;
                        }
                    case 6: {
                            message.blockToken = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvCommand.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.args != null && message.hasOwnProperty("args")) {
                    if (!Array.isArray(message.args))
                        return "args: array expected";
                    for (let i = 0; i < message.args.length; ++i)
                        if (!(message.args[i] && typeof message.args[i].length === "number" || $util.isString(message.args[i])))
                            return "args: buffer[] expected";
                }
                if (message.resp3 != null && message.hasOwnProperty("resp3"))
                    if (typeof message.resp3 !== "boolean")
                        return "resp3: boolean expected";
                if (message.blockMs != null && message.hasOwnProperty("blockMs"))
                    if (!$util.isInteger(message.blockMs))
                        return "blockMs: integer expected";
                if (message.rerun != null && message.hasOwnProperty("rerun"))
                    if (typeof message.rerun !== "boolean")
                        return "rerun: boolean expected";
                if (message["eval"] != null && message.hasOwnProperty("eval")) {
                    let error = $root.troupe.v1.KvEval.verify(message["eval"]);
                    if (error)
                        return "eval." + error;
                }
                if (message.blockToken != null && message.hasOwnProperty("blockToken"))
                    if (!$util.isInteger(message.blockToken) && !(message.blockToken && $util.isInteger(message.blockToken.low) && $util.isInteger(message.blockToken.high)))
                        return "blockToken: integer|Long expected";
                return null;
            };

            KvCommand.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvCommand)
                    return object;
                let message = new $root.troupe.v1.KvCommand();
                if (object.args) {
                    if (!Array.isArray(object.args))
                        throw TypeError(".troupe.v1.KvCommand.args: array expected");
                    message.args = [];
                    for (let i = 0; i < object.args.length; ++i)
                        if (typeof object.args[i] === "string")
                            $util.base64.decode(object.args[i], message.args[i] = $util.newBuffer($util.base64.length(object.args[i])), 0);
                        else if (object.args[i].length >= 0)
                            message.args[i] = object.args[i];
                }
                if (object.resp3 != null)
                    message.resp3 = Boolean(object.resp3);
                if (object.blockMs != null)
                    message.blockMs = object.blockMs >>> 0;
                if (object.rerun != null)
                    message.rerun = Boolean(object.rerun);
                if (object["eval"] != null) {
                    if (typeof object["eval"] !== "object")
                        throw TypeError(".troupe.v1.KvCommand.eval: object expected");
                    message["eval"] = $root.troupe.v1.KvEval.fromObject(object["eval"]);
                }
                if (object.blockToken != null)
                    if ($util.Long)
                        (message.blockToken = $util.Long.fromValue(object.blockToken)).unsigned = true;
                    else if (typeof object.blockToken === "string")
                        message.blockToken = parseInt(object.blockToken, 10);
                    else if (typeof object.blockToken === "number")
                        message.blockToken = object.blockToken;
                    else if (typeof object.blockToken === "object")
                        message.blockToken = new $util.LongBits(object.blockToken.low >>> 0, object.blockToken.high >>> 0).toNumber(true);
                return message;
            };

            KvCommand.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.args = [];
                if (options.defaults) {
                    object.resp3 = false;
                    object.blockMs = 0;
                    object.rerun = false;
                    object["eval"] = null;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.blockToken = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.blockToken = options.longs === String ? "0" : 0;
                }
                if (message.args && message.args.length) {
                    object.args = [];
                    for (let j = 0; j < message.args.length; ++j)
                        object.args[j] = options.bytes === String ? $util.base64.encode(message.args[j], 0, message.args[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.args[j]) : message.args[j];
                }
                if (message.resp3 != null && message.hasOwnProperty("resp3"))
                    object.resp3 = message.resp3;
                if (message.blockMs != null && message.hasOwnProperty("blockMs"))
                    object.blockMs = message.blockMs;
                if (message.rerun != null && message.hasOwnProperty("rerun"))
                    object.rerun = message.rerun;
                if (message["eval"] != null && message.hasOwnProperty("eval"))
                    object["eval"] = $root.troupe.v1.KvEval.toObject(message["eval"], options);
                if (message.blockToken != null && message.hasOwnProperty("blockToken"))
                    if (typeof message.blockToken === "number")
                        object.blockToken = options.longs === String ? String(message.blockToken) : message.blockToken;
                    else
                        object.blockToken = options.longs === String ? $util.Long.prototype.toString.call(message.blockToken) : options.longs === Number ? new $util.LongBits(message.blockToken.low >>> 0, message.blockToken.high >>> 0).toNumber(true) : message.blockToken;
                return object;
            };

            KvCommand.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvCommand;
        })();

        v1.KvUnblock = (function() {

            function KvUnblock(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvUnblock.prototype.token = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            KvUnblock.create = function create(properties) {
                return new KvUnblock(properties);
            };

            KvUnblock.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.token != null && Object.hasOwnProperty.call(message, "token"))
                    writer.uint32(8).uint64(message.token);
                return writer;
            };

            KvUnblock.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvUnblock();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.token = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvUnblock.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.token != null && message.hasOwnProperty("token"))
                    if (!$util.isInteger(message.token) && !(message.token && $util.isInteger(message.token.low) && $util.isInteger(message.token.high)))
                        return "token: integer|Long expected";
                return null;
            };

            KvUnblock.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvUnblock)
                    return object;
                let message = new $root.troupe.v1.KvUnblock();
                if (object.token != null)
                    if ($util.Long)
                        (message.token = $util.Long.fromValue(object.token)).unsigned = true;
                    else if (typeof object.token === "string")
                        message.token = parseInt(object.token, 10);
                    else if (typeof object.token === "number")
                        message.token = object.token;
                    else if (typeof object.token === "object")
                        message.token = new $util.LongBits(object.token.low >>> 0, object.token.high >>> 0).toNumber(true);
                return message;
            };

            KvUnblock.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.token = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.token = options.longs === String ? "0" : 0;
                if (message.token != null && message.hasOwnProperty("token"))
                    if (typeof message.token === "number")
                        object.token = options.longs === String ? String(message.token) : message.token;
                    else
                        object.token = options.longs === String ? $util.Long.prototype.toString.call(message.token) : options.longs === Number ? new $util.LongBits(message.token.low >>> 0, message.token.high >>> 0).toNumber(true) : message.token;
                return object;
            };

            KvUnblock.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvUnblock;
        })();

        v1.KvReply = (function() {

            function KvReply(properties) {
                this.rerunArgs = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvReply.prototype.resp = $util.newBuffer([]);
            KvReply.prototype.retry = false;
            KvReply.prototype.rerunArgs = $util.emptyArray;
            KvReply.prototype.runAtKey = $util.newBuffer([]);

            KvReply.create = function create(properties) {
                return new KvReply(properties);
            };

            KvReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.resp != null && Object.hasOwnProperty.call(message, "resp"))
                    writer.uint32(10).bytes(message.resp);
                if (message.retry != null && Object.hasOwnProperty.call(message, "retry"))
                    writer.uint32(16).bool(message.retry);
                if (message.rerunArgs != null && message.rerunArgs.length)
                    for (let i = 0; i < message.rerunArgs.length; ++i)
                        writer.uint32(26).bytes(message.rerunArgs[i]);
                if (message.runAtKey != null && Object.hasOwnProperty.call(message, "runAtKey"))
                    writer.uint32(34).bytes(message.runAtKey);
                return writer;
            };

            KvReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.resp = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.retry = reader.bool();
                            break;
                        }
                    case 3: {
                            if (!(message.rerunArgs && message.rerunArgs.length))
                                message.rerunArgs = [];
                            message.rerunArgs.push(reader.bytes());
                            break;
                        }
                    case 4: {
                            message.runAtKey = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.resp != null && message.hasOwnProperty("resp"))
                    if (!(message.resp && typeof message.resp.length === "number" || $util.isString(message.resp)))
                        return "resp: buffer expected";
                if (message.retry != null && message.hasOwnProperty("retry"))
                    if (typeof message.retry !== "boolean")
                        return "retry: boolean expected";
                if (message.rerunArgs != null && message.hasOwnProperty("rerunArgs")) {
                    if (!Array.isArray(message.rerunArgs))
                        return "rerunArgs: array expected";
                    for (let i = 0; i < message.rerunArgs.length; ++i)
                        if (!(message.rerunArgs[i] && typeof message.rerunArgs[i].length === "number" || $util.isString(message.rerunArgs[i])))
                            return "rerunArgs: buffer[] expected";
                }
                if (message.runAtKey != null && message.hasOwnProperty("runAtKey"))
                    if (!(message.runAtKey && typeof message.runAtKey.length === "number" || $util.isString(message.runAtKey)))
                        return "runAtKey: buffer expected";
                return null;
            };

            KvReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvReply)
                    return object;
                let message = new $root.troupe.v1.KvReply();
                if (object.resp != null)
                    if (typeof object.resp === "string")
                        $util.base64.decode(object.resp, message.resp = $util.newBuffer($util.base64.length(object.resp)), 0);
                    else if (object.resp.length >= 0)
                        message.resp = object.resp;
                if (object.retry != null)
                    message.retry = Boolean(object.retry);
                if (object.rerunArgs) {
                    if (!Array.isArray(object.rerunArgs))
                        throw TypeError(".troupe.v1.KvReply.rerunArgs: array expected");
                    message.rerunArgs = [];
                    for (let i = 0; i < object.rerunArgs.length; ++i)
                        if (typeof object.rerunArgs[i] === "string")
                            $util.base64.decode(object.rerunArgs[i], message.rerunArgs[i] = $util.newBuffer($util.base64.length(object.rerunArgs[i])), 0);
                        else if (object.rerunArgs[i].length >= 0)
                            message.rerunArgs[i] = object.rerunArgs[i];
                }
                if (object.runAtKey != null)
                    if (typeof object.runAtKey === "string")
                        $util.base64.decode(object.runAtKey, message.runAtKey = $util.newBuffer($util.base64.length(object.runAtKey)), 0);
                    else if (object.runAtKey.length >= 0)
                        message.runAtKey = object.runAtKey;
                return message;
            };

            KvReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.rerunArgs = [];
                if (options.defaults) {
                    if (options.bytes === String)
                        object.resp = "";
                    else {
                        object.resp = [];
                        if (options.bytes !== Array)
                            object.resp = $util.newBuffer(object.resp);
                    }
                    object.retry = false;
                    if (options.bytes === String)
                        object.runAtKey = "";
                    else {
                        object.runAtKey = [];
                        if (options.bytes !== Array)
                            object.runAtKey = $util.newBuffer(object.runAtKey);
                    }
                }
                if (message.resp != null && message.hasOwnProperty("resp"))
                    object.resp = options.bytes === String ? $util.base64.encode(message.resp, 0, message.resp.length) : options.bytes === Array ? Array.prototype.slice.call(message.resp) : message.resp;
                if (message.retry != null && message.hasOwnProperty("retry"))
                    object.retry = message.retry;
                if (message.rerunArgs && message.rerunArgs.length) {
                    object.rerunArgs = [];
                    for (let j = 0; j < message.rerunArgs.length; ++j)
                        object.rerunArgs[j] = options.bytes === String ? $util.base64.encode(message.rerunArgs[j], 0, message.rerunArgs[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.rerunArgs[j]) : message.rerunArgs[j];
                }
                if (message.runAtKey != null && message.hasOwnProperty("runAtKey"))
                    object.runAtKey = options.bytes === String ? $util.base64.encode(message.runAtKey, 0, message.runAtKey.length) : options.bytes === Array ? Array.prototype.slice.call(message.runAtKey) : message.runAtKey;
                return object;
            };

            KvReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvReply;
        })();

        v1.KvEval = (function() {

            function KvEval(properties) {
                this.keys = [];
                this.args = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvEval.prototype.sha = $util.newBuffer([]);
            KvEval.prototype.body = $util.newBuffer([]);
            KvEval.prototype.keys = $util.emptyArray;
            KvEval.prototype.args = $util.emptyArray;
            KvEval.prototype.resp3 = false;
            KvEval.prototype.readOnly = false;
            KvEval.prototype.pinned = false;
            KvEval.prototype.functionName = "";
            KvEval.prototype.aclUser = "";
            KvEval.prototype.noReplicas = false;
            KvEval.prototype.oom = false;
            KvEval.prototype.aclClientInfo = $util.newBuffer([]);

            KvEval.create = function create(properties) {
                return new KvEval(properties);
            };

            KvEval.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.sha != null && Object.hasOwnProperty.call(message, "sha"))
                    writer.uint32(10).bytes(message.sha);
                if (message.body != null && Object.hasOwnProperty.call(message, "body"))
                    writer.uint32(18).bytes(message.body);
                if (message.keys != null && message.keys.length)
                    for (let i = 0; i < message.keys.length; ++i)
                        writer.uint32(26).bytes(message.keys[i]);
                if (message.args != null && message.args.length)
                    for (let i = 0; i < message.args.length; ++i)
                        writer.uint32(34).bytes(message.args[i]);
                if (message.resp3 != null && Object.hasOwnProperty.call(message, "resp3"))
                    writer.uint32(40).bool(message.resp3);
                if (message.readOnly != null && Object.hasOwnProperty.call(message, "readOnly"))
                    writer.uint32(48).bool(message.readOnly);
                if (message.pinned != null && Object.hasOwnProperty.call(message, "pinned"))
                    writer.uint32(56).bool(message.pinned);
                if (message.functionName != null && Object.hasOwnProperty.call(message, "functionName"))
                    writer.uint32(66).string(message.functionName);
                if (message.aclUser != null && Object.hasOwnProperty.call(message, "aclUser"))
                    writer.uint32(74).string(message.aclUser);
                if (message.noReplicas != null && Object.hasOwnProperty.call(message, "noReplicas"))
                    writer.uint32(80).bool(message.noReplicas);
                if (message.oom != null && Object.hasOwnProperty.call(message, "oom"))
                    writer.uint32(88).bool(message.oom);
                if (message.aclClientInfo != null && Object.hasOwnProperty.call(message, "aclClientInfo"))
                    writer.uint32(98).bytes(message.aclClientInfo);
                return writer;
            };

            KvEval.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvEval();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.sha = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.body = reader.bytes();
                            break;
                        }
                    case 3: {
                            if (!(message.keys && message.keys.length))
                                message.keys = [];
                            message.keys.push(reader.bytes());
                            break;
                        }
                    case 4: {
                            if (!(message.args && message.args.length))
                                message.args = [];
                            message.args.push(reader.bytes());
                            break;
                        }
                    case 5: {
                            message.resp3 = reader.bool();
                            break;
                        }
                    case 6: {
                            message.readOnly = reader.bool();
                            break;
                        }
                    case 7: {
                            message.pinned = reader.bool();
                            break;
                        }
                    case 8: {
                            message.functionName = reader.string();
                            break;
                        }
                    case 9: {
                            message.aclUser = reader.string();
                            break;
                        }
                    case 10: {
                            message.noReplicas = reader.bool();
                            break;
                        }
                    case 11: {
                            message.oom = reader.bool();
                            break;
                        }
                    case 12: {
                            message.aclClientInfo = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvEval.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.sha != null && message.hasOwnProperty("sha"))
                    if (!(message.sha && typeof message.sha.length === "number" || $util.isString(message.sha)))
                        return "sha: buffer expected";
                if (message.body != null && message.hasOwnProperty("body"))
                    if (!(message.body && typeof message.body.length === "number" || $util.isString(message.body)))
                        return "body: buffer expected";
                if (message.keys != null && message.hasOwnProperty("keys")) {
                    if (!Array.isArray(message.keys))
                        return "keys: array expected";
                    for (let i = 0; i < message.keys.length; ++i)
                        if (!(message.keys[i] && typeof message.keys[i].length === "number" || $util.isString(message.keys[i])))
                            return "keys: buffer[] expected";
                }
                if (message.args != null && message.hasOwnProperty("args")) {
                    if (!Array.isArray(message.args))
                        return "args: array expected";
                    for (let i = 0; i < message.args.length; ++i)
                        if (!(message.args[i] && typeof message.args[i].length === "number" || $util.isString(message.args[i])))
                            return "args: buffer[] expected";
                }
                if (message.resp3 != null && message.hasOwnProperty("resp3"))
                    if (typeof message.resp3 !== "boolean")
                        return "resp3: boolean expected";
                if (message.readOnly != null && message.hasOwnProperty("readOnly"))
                    if (typeof message.readOnly !== "boolean")
                        return "readOnly: boolean expected";
                if (message.pinned != null && message.hasOwnProperty("pinned"))
                    if (typeof message.pinned !== "boolean")
                        return "pinned: boolean expected";
                if (message.functionName != null && message.hasOwnProperty("functionName"))
                    if (!$util.isString(message.functionName))
                        return "functionName: string expected";
                if (message.aclUser != null && message.hasOwnProperty("aclUser"))
                    if (!$util.isString(message.aclUser))
                        return "aclUser: string expected";
                if (message.noReplicas != null && message.hasOwnProperty("noReplicas"))
                    if (typeof message.noReplicas !== "boolean")
                        return "noReplicas: boolean expected";
                if (message.oom != null && message.hasOwnProperty("oom"))
                    if (typeof message.oom !== "boolean")
                        return "oom: boolean expected";
                if (message.aclClientInfo != null && message.hasOwnProperty("aclClientInfo"))
                    if (!(message.aclClientInfo && typeof message.aclClientInfo.length === "number" || $util.isString(message.aclClientInfo)))
                        return "aclClientInfo: buffer expected";
                return null;
            };

            KvEval.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvEval)
                    return object;
                let message = new $root.troupe.v1.KvEval();
                if (object.sha != null)
                    if (typeof object.sha === "string")
                        $util.base64.decode(object.sha, message.sha = $util.newBuffer($util.base64.length(object.sha)), 0);
                    else if (object.sha.length >= 0)
                        message.sha = object.sha;
                if (object.body != null)
                    if (typeof object.body === "string")
                        $util.base64.decode(object.body, message.body = $util.newBuffer($util.base64.length(object.body)), 0);
                    else if (object.body.length >= 0)
                        message.body = object.body;
                if (object.keys) {
                    if (!Array.isArray(object.keys))
                        throw TypeError(".troupe.v1.KvEval.keys: array expected");
                    message.keys = [];
                    for (let i = 0; i < object.keys.length; ++i)
                        if (typeof object.keys[i] === "string")
                            $util.base64.decode(object.keys[i], message.keys[i] = $util.newBuffer($util.base64.length(object.keys[i])), 0);
                        else if (object.keys[i].length >= 0)
                            message.keys[i] = object.keys[i];
                }
                if (object.args) {
                    if (!Array.isArray(object.args))
                        throw TypeError(".troupe.v1.KvEval.args: array expected");
                    message.args = [];
                    for (let i = 0; i < object.args.length; ++i)
                        if (typeof object.args[i] === "string")
                            $util.base64.decode(object.args[i], message.args[i] = $util.newBuffer($util.base64.length(object.args[i])), 0);
                        else if (object.args[i].length >= 0)
                            message.args[i] = object.args[i];
                }
                if (object.resp3 != null)
                    message.resp3 = Boolean(object.resp3);
                if (object.readOnly != null)
                    message.readOnly = Boolean(object.readOnly);
                if (object.pinned != null)
                    message.pinned = Boolean(object.pinned);
                if (object.functionName != null)
                    message.functionName = String(object.functionName);
                if (object.aclUser != null)
                    message.aclUser = String(object.aclUser);
                if (object.noReplicas != null)
                    message.noReplicas = Boolean(object.noReplicas);
                if (object.oom != null)
                    message.oom = Boolean(object.oom);
                if (object.aclClientInfo != null)
                    if (typeof object.aclClientInfo === "string")
                        $util.base64.decode(object.aclClientInfo, message.aclClientInfo = $util.newBuffer($util.base64.length(object.aclClientInfo)), 0);
                    else if (object.aclClientInfo.length >= 0)
                        message.aclClientInfo = object.aclClientInfo;
                return message;
            };

            KvEval.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults) {
                    object.keys = [];
                    object.args = [];
                }
                if (options.defaults) {
                    if (options.bytes === String)
                        object.sha = "";
                    else {
                        object.sha = [];
                        if (options.bytes !== Array)
                            object.sha = $util.newBuffer(object.sha);
                    }
                    if (options.bytes === String)
                        object.body = "";
                    else {
                        object.body = [];
                        if (options.bytes !== Array)
                            object.body = $util.newBuffer(object.body);
                    }
                    object.resp3 = false;
                    object.readOnly = false;
                    object.pinned = false;
                    object.functionName = "";
                    object.aclUser = "";
                    object.noReplicas = false;
                    object.oom = false;
                    if (options.bytes === String)
                        object.aclClientInfo = "";
                    else {
                        object.aclClientInfo = [];
                        if (options.bytes !== Array)
                            object.aclClientInfo = $util.newBuffer(object.aclClientInfo);
                    }
                }
                if (message.sha != null && message.hasOwnProperty("sha"))
                    object.sha = options.bytes === String ? $util.base64.encode(message.sha, 0, message.sha.length) : options.bytes === Array ? Array.prototype.slice.call(message.sha) : message.sha;
                if (message.body != null && message.hasOwnProperty("body"))
                    object.body = options.bytes === String ? $util.base64.encode(message.body, 0, message.body.length) : options.bytes === Array ? Array.prototype.slice.call(message.body) : message.body;
                if (message.keys && message.keys.length) {
                    object.keys = [];
                    for (let j = 0; j < message.keys.length; ++j)
                        object.keys[j] = options.bytes === String ? $util.base64.encode(message.keys[j], 0, message.keys[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.keys[j]) : message.keys[j];
                }
                if (message.args && message.args.length) {
                    object.args = [];
                    for (let j = 0; j < message.args.length; ++j)
                        object.args[j] = options.bytes === String ? $util.base64.encode(message.args[j], 0, message.args[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.args[j]) : message.args[j];
                }
                if (message.resp3 != null && message.hasOwnProperty("resp3"))
                    object.resp3 = message.resp3;
                if (message.readOnly != null && message.hasOwnProperty("readOnly"))
                    object.readOnly = message.readOnly;
                if (message.pinned != null && message.hasOwnProperty("pinned"))
                    object.pinned = message.pinned;
                if (message.functionName != null && message.hasOwnProperty("functionName"))
                    object.functionName = message.functionName;
                if (message.aclUser != null && message.hasOwnProperty("aclUser"))
                    object.aclUser = message.aclUser;
                if (message.noReplicas != null && message.hasOwnProperty("noReplicas"))
                    object.noReplicas = message.noReplicas;
                if (message.oom != null && message.hasOwnProperty("oom"))
                    object.oom = message.oom;
                if (message.aclClientInfo != null && message.hasOwnProperty("aclClientInfo"))
                    object.aclClientInfo = options.bytes === String ? $util.base64.encode(message.aclClientInfo, 0, message.aclClientInfo.length) : options.bytes === Array ? Array.prototype.slice.call(message.aclClientInfo) : message.aclClientInfo;
                return object;
            };

            KvEval.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvEval;
        })();

        v1.KvWatch = (function() {

            function KvWatch(properties) {
                this.keys = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvWatch.prototype.keys = $util.emptyArray;

            KvWatch.create = function create(properties) {
                return new KvWatch(properties);
            };

            KvWatch.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.keys != null && message.keys.length)
                    for (let i = 0; i < message.keys.length; ++i)
                        writer.uint32(10).bytes(message.keys[i]);
                return writer;
            };

            KvWatch.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvWatch();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.keys && message.keys.length))
                                message.keys = [];
                            message.keys.push(reader.bytes());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvWatch.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.keys != null && message.hasOwnProperty("keys")) {
                    if (!Array.isArray(message.keys))
                        return "keys: array expected";
                    for (let i = 0; i < message.keys.length; ++i)
                        if (!(message.keys[i] && typeof message.keys[i].length === "number" || $util.isString(message.keys[i])))
                            return "keys: buffer[] expected";
                }
                return null;
            };

            KvWatch.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvWatch)
                    return object;
                let message = new $root.troupe.v1.KvWatch();
                if (object.keys) {
                    if (!Array.isArray(object.keys))
                        throw TypeError(".troupe.v1.KvWatch.keys: array expected");
                    message.keys = [];
                    for (let i = 0; i < object.keys.length; ++i)
                        if (typeof object.keys[i] === "string")
                            $util.base64.decode(object.keys[i], message.keys[i] = $util.newBuffer($util.base64.length(object.keys[i])), 0);
                        else if (object.keys[i].length >= 0)
                            message.keys[i] = object.keys[i];
                }
                return message;
            };

            KvWatch.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.keys = [];
                if (message.keys && message.keys.length) {
                    object.keys = [];
                    for (let j = 0; j < message.keys.length; ++j)
                        object.keys[j] = options.bytes === String ? $util.base64.encode(message.keys[j], 0, message.keys[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.keys[j]) : message.keys[j];
                }
                return object;
            };

            KvWatch.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvWatch;
        })();

        v1.KvExec = (function() {

            function KvExec(properties) {
                this.commands = [];
                this.watchKeys = [];
                this.watchVersions = [];
                this.watchExpiresAt = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvExec.prototype.commands = $util.emptyArray;
            KvExec.prototype.watchKeys = $util.emptyArray;
            KvExec.prototype.watchVersions = $util.emptyArray;
            KvExec.prototype.resp3 = false;
            KvExec.prototype.watchExpiresAt = $util.emptyArray;

            KvExec.create = function create(properties) {
                return new KvExec(properties);
            };

            KvExec.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.commands != null && message.commands.length)
                    for (let i = 0; i < message.commands.length; ++i)
                        $root.troupe.v1.KvCommand.encode(message.commands[i], writer.uint32(10).fork()).ldelim();
                if (message.watchKeys != null && message.watchKeys.length)
                    for (let i = 0; i < message.watchKeys.length; ++i)
                        writer.uint32(18).bytes(message.watchKeys[i]);
                if (message.watchVersions != null && message.watchVersions.length) {
                    writer.uint32(26).fork();
                    for (let i = 0; i < message.watchVersions.length; ++i)
                        writer.uint64(message.watchVersions[i]);
                    writer.ldelim();
                }
                if (message.resp3 != null && Object.hasOwnProperty.call(message, "resp3"))
                    writer.uint32(32).bool(message.resp3);
                if (message.watchExpiresAt != null && message.watchExpiresAt.length) {
                    writer.uint32(42).fork();
                    for (let i = 0; i < message.watchExpiresAt.length; ++i)
                        writer.int64(message.watchExpiresAt[i]);
                    writer.ldelim();
                }
                return writer;
            };

            KvExec.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvExec();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.commands && message.commands.length))
                                message.commands = [];
                            message.commands.push($root.troupe.v1.KvCommand.decode(reader, reader.uint32()));
                            break;
                        }
                    case 2: {
                            if (!(message.watchKeys && message.watchKeys.length))
                                message.watchKeys = [];
                            message.watchKeys.push(reader.bytes());
                            break;
                        }
                    case 3: {
                            if (!(message.watchVersions && message.watchVersions.length))
                                message.watchVersions = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                while (reader.pos < end2)
                                    message.watchVersions.push(reader.uint64());
                            } else
                                message.watchVersions.push(reader.uint64());
                            break;
                        }
                    case 4: {
                            message.resp3 = reader.bool();
                            break;
                        }
                    case 5: {
                            if (!(message.watchExpiresAt && message.watchExpiresAt.length))
                                message.watchExpiresAt = [];
                            if ((tag & 7) === 2) {
                                let end2 = reader.uint32() + reader.pos;
                                while (reader.pos < end2)
                                    message.watchExpiresAt.push(reader.int64());
                            } else
                                message.watchExpiresAt.push(reader.int64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvExec.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.commands != null && message.hasOwnProperty("commands")) {
                    if (!Array.isArray(message.commands))
                        return "commands: array expected";
                    for (let i = 0; i < message.commands.length; ++i) {
                        let error = $root.troupe.v1.KvCommand.verify(message.commands[i]);
                        if (error)
                            return "commands." + error;
                    }
                }
                if (message.watchKeys != null && message.hasOwnProperty("watchKeys")) {
                    if (!Array.isArray(message.watchKeys))
                        return "watchKeys: array expected";
                    for (let i = 0; i < message.watchKeys.length; ++i)
                        if (!(message.watchKeys[i] && typeof message.watchKeys[i].length === "number" || $util.isString(message.watchKeys[i])))
                            return "watchKeys: buffer[] expected";
                }
                if (message.watchVersions != null && message.hasOwnProperty("watchVersions")) {
                    if (!Array.isArray(message.watchVersions))
                        return "watchVersions: array expected";
                    for (let i = 0; i < message.watchVersions.length; ++i)
                        if (!$util.isInteger(message.watchVersions[i]) && !(message.watchVersions[i] && $util.isInteger(message.watchVersions[i].low) && $util.isInteger(message.watchVersions[i].high)))
                            return "watchVersions: integer|Long[] expected";
                }
                if (message.resp3 != null && message.hasOwnProperty("resp3"))
                    if (typeof message.resp3 !== "boolean")
                        return "resp3: boolean expected";
                if (message.watchExpiresAt != null && message.hasOwnProperty("watchExpiresAt")) {
                    if (!Array.isArray(message.watchExpiresAt))
                        return "watchExpiresAt: array expected";
                    for (let i = 0; i < message.watchExpiresAt.length; ++i)
                        if (!$util.isInteger(message.watchExpiresAt[i]) && !(message.watchExpiresAt[i] && $util.isInteger(message.watchExpiresAt[i].low) && $util.isInteger(message.watchExpiresAt[i].high)))
                            return "watchExpiresAt: integer|Long[] expected";
                }
                return null;
            };

            KvExec.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvExec)
                    return object;
                let message = new $root.troupe.v1.KvExec();
                if (object.commands) {
                    if (!Array.isArray(object.commands))
                        throw TypeError(".troupe.v1.KvExec.commands: array expected");
                    message.commands = [];
                    for (let i = 0; i < object.commands.length; ++i) {
                        if (typeof object.commands[i] !== "object")
                            throw TypeError(".troupe.v1.KvExec.commands: object expected");
                        message.commands[i] = $root.troupe.v1.KvCommand.fromObject(object.commands[i]);
                    }
                }
                if (object.watchKeys) {
                    if (!Array.isArray(object.watchKeys))
                        throw TypeError(".troupe.v1.KvExec.watchKeys: array expected");
                    message.watchKeys = [];
                    for (let i = 0; i < object.watchKeys.length; ++i)
                        if (typeof object.watchKeys[i] === "string")
                            $util.base64.decode(object.watchKeys[i], message.watchKeys[i] = $util.newBuffer($util.base64.length(object.watchKeys[i])), 0);
                        else if (object.watchKeys[i].length >= 0)
                            message.watchKeys[i] = object.watchKeys[i];
                }
                if (object.watchVersions) {
                    if (!Array.isArray(object.watchVersions))
                        throw TypeError(".troupe.v1.KvExec.watchVersions: array expected");
                    message.watchVersions = [];
                    for (let i = 0; i < object.watchVersions.length; ++i)
                        if ($util.Long)
                            (message.watchVersions[i] = $util.Long.fromValue(object.watchVersions[i])).unsigned = true;
                        else if (typeof object.watchVersions[i] === "string")
                            message.watchVersions[i] = parseInt(object.watchVersions[i], 10);
                        else if (typeof object.watchVersions[i] === "number")
                            message.watchVersions[i] = object.watchVersions[i];
                        else if (typeof object.watchVersions[i] === "object")
                            message.watchVersions[i] = new $util.LongBits(object.watchVersions[i].low >>> 0, object.watchVersions[i].high >>> 0).toNumber(true);
                }
                if (object.resp3 != null)
                    message.resp3 = Boolean(object.resp3);
                if (object.watchExpiresAt) {
                    if (!Array.isArray(object.watchExpiresAt))
                        throw TypeError(".troupe.v1.KvExec.watchExpiresAt: array expected");
                    message.watchExpiresAt = [];
                    for (let i = 0; i < object.watchExpiresAt.length; ++i)
                        if ($util.Long)
                            (message.watchExpiresAt[i] = $util.Long.fromValue(object.watchExpiresAt[i])).unsigned = false;
                        else if (typeof object.watchExpiresAt[i] === "string")
                            message.watchExpiresAt[i] = parseInt(object.watchExpiresAt[i], 10);
                        else if (typeof object.watchExpiresAt[i] === "number")
                            message.watchExpiresAt[i] = object.watchExpiresAt[i];
                        else if (typeof object.watchExpiresAt[i] === "object")
                            message.watchExpiresAt[i] = new $util.LongBits(object.watchExpiresAt[i].low >>> 0, object.watchExpiresAt[i].high >>> 0).toNumber();
                }
                return message;
            };

            KvExec.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults) {
                    object.commands = [];
                    object.watchKeys = [];
                    object.watchVersions = [];
                    object.watchExpiresAt = [];
                }
                if (options.defaults)
                    object.resp3 = false;
                if (message.commands && message.commands.length) {
                    object.commands = [];
                    for (let j = 0; j < message.commands.length; ++j)
                        object.commands[j] = $root.troupe.v1.KvCommand.toObject(message.commands[j], options);
                }
                if (message.watchKeys && message.watchKeys.length) {
                    object.watchKeys = [];
                    for (let j = 0; j < message.watchKeys.length; ++j)
                        object.watchKeys[j] = options.bytes === String ? $util.base64.encode(message.watchKeys[j], 0, message.watchKeys[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.watchKeys[j]) : message.watchKeys[j];
                }
                if (message.watchVersions && message.watchVersions.length) {
                    object.watchVersions = [];
                    for (let j = 0; j < message.watchVersions.length; ++j)
                        if (typeof message.watchVersions[j] === "number")
                            object.watchVersions[j] = options.longs === String ? String(message.watchVersions[j]) : message.watchVersions[j];
                        else
                            object.watchVersions[j] = options.longs === String ? $util.Long.prototype.toString.call(message.watchVersions[j]) : options.longs === Number ? new $util.LongBits(message.watchVersions[j].low >>> 0, message.watchVersions[j].high >>> 0).toNumber(true) : message.watchVersions[j];
                }
                if (message.resp3 != null && message.hasOwnProperty("resp3"))
                    object.resp3 = message.resp3;
                if (message.watchExpiresAt && message.watchExpiresAt.length) {
                    object.watchExpiresAt = [];
                    for (let j = 0; j < message.watchExpiresAt.length; ++j)
                        if (typeof message.watchExpiresAt[j] === "number")
                            object.watchExpiresAt[j] = options.longs === String ? String(message.watchExpiresAt[j]) : message.watchExpiresAt[j];
                        else
                            object.watchExpiresAt[j] = options.longs === String ? $util.Long.prototype.toString.call(message.watchExpiresAt[j]) : options.longs === Number ? new $util.LongBits(message.watchExpiresAt[j].low >>> 0, message.watchExpiresAt[j].high >>> 0).toNumber() : message.watchExpiresAt[j];
                }
                return object;
            };

            KvExec.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvExec;
        })();

        v1.KvScan = (function() {

            function KvScan(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvScan.prototype.fromHash = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            KvScan.prototype.count = 0;
            KvScan.prototype.match = $util.newBuffer([]);
            KvScan.prototype.type = "";

            KvScan.create = function create(properties) {
                return new KvScan(properties);
            };

            KvScan.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.fromHash != null && Object.hasOwnProperty.call(message, "fromHash"))
                    writer.uint32(8).uint64(message.fromHash);
                if (message.count != null && Object.hasOwnProperty.call(message, "count"))
                    writer.uint32(16).uint32(message.count);
                if (message.match != null && Object.hasOwnProperty.call(message, "match"))
                    writer.uint32(26).bytes(message.match);
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(34).string(message.type);
                return writer;
            };

            KvScan.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvScan();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            message.fromHash = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.count = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.match = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.type = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvScan.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.fromHash != null && message.hasOwnProperty("fromHash"))
                    if (!$util.isInteger(message.fromHash) && !(message.fromHash && $util.isInteger(message.fromHash.low) && $util.isInteger(message.fromHash.high)))
                        return "fromHash: integer|Long expected";
                if (message.count != null && message.hasOwnProperty("count"))
                    if (!$util.isInteger(message.count))
                        return "count: integer expected";
                if (message.match != null && message.hasOwnProperty("match"))
                    if (!(message.match && typeof message.match.length === "number" || $util.isString(message.match)))
                        return "match: buffer expected";
                if (message.type != null && message.hasOwnProperty("type"))
                    if (!$util.isString(message.type))
                        return "type: string expected";
                return null;
            };

            KvScan.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvScan)
                    return object;
                let message = new $root.troupe.v1.KvScan();
                if (object.fromHash != null)
                    if ($util.Long)
                        (message.fromHash = $util.Long.fromValue(object.fromHash)).unsigned = true;
                    else if (typeof object.fromHash === "string")
                        message.fromHash = parseInt(object.fromHash, 10);
                    else if (typeof object.fromHash === "number")
                        message.fromHash = object.fromHash;
                    else if (typeof object.fromHash === "object")
                        message.fromHash = new $util.LongBits(object.fromHash.low >>> 0, object.fromHash.high >>> 0).toNumber(true);
                if (object.count != null)
                    message.count = object.count >>> 0;
                if (object.match != null)
                    if (typeof object.match === "string")
                        $util.base64.decode(object.match, message.match = $util.newBuffer($util.base64.length(object.match)), 0);
                    else if (object.match.length >= 0)
                        message.match = object.match;
                if (object.type != null)
                    message.type = String(object.type);
                return message;
            };

            KvScan.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.fromHash = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.fromHash = options.longs === String ? "0" : 0;
                    object.count = 0;
                    if (options.bytes === String)
                        object.match = "";
                    else {
                        object.match = [];
                        if (options.bytes !== Array)
                            object.match = $util.newBuffer(object.match);
                    }
                    object.type = "";
                }
                if (message.fromHash != null && message.hasOwnProperty("fromHash"))
                    if (typeof message.fromHash === "number")
                        object.fromHash = options.longs === String ? String(message.fromHash) : message.fromHash;
                    else
                        object.fromHash = options.longs === String ? $util.Long.prototype.toString.call(message.fromHash) : options.longs === Number ? new $util.LongBits(message.fromHash.low >>> 0, message.fromHash.high >>> 0).toNumber(true) : message.fromHash;
                if (message.count != null && message.hasOwnProperty("count"))
                    object.count = message.count;
                if (message.match != null && message.hasOwnProperty("match"))
                    object.match = options.bytes === String ? $util.base64.encode(message.match, 0, message.match.length) : options.bytes === Array ? Array.prototype.slice.call(message.match) : message.match;
                if (message.type != null && message.hasOwnProperty("type"))
                    object.type = message.type;
                return object;
            };

            KvScan.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvScan;
        })();

        v1.KvScanReply = (function() {

            function KvScanReply(properties) {
                this.keys = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvScanReply.prototype.keys = $util.emptyArray;
            KvScanReply.prototype.done = false;
            KvScanReply.prototype.nextHash = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            KvScanReply.prototype.examined = 0;

            KvScanReply.create = function create(properties) {
                return new KvScanReply(properties);
            };

            KvScanReply.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                if (message.keys != null && message.keys.length)
                    for (let i = 0; i < message.keys.length; ++i)
                        writer.uint32(10).bytes(message.keys[i]);
                if (message.done != null && Object.hasOwnProperty.call(message, "done"))
                    writer.uint32(16).bool(message.done);
                if (message.nextHash != null && Object.hasOwnProperty.call(message, "nextHash"))
                    writer.uint32(24).uint64(message.nextHash);
                if (message.examined != null && Object.hasOwnProperty.call(message, "examined"))
                    writer.uint32(32).uint32(message.examined);
                return writer;
            };

            KvScanReply.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvScanReply();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.keys && message.keys.length))
                                message.keys = [];
                            message.keys.push(reader.bytes());
                            break;
                        }
                    case 2: {
                            message.done = reader.bool();
                            break;
                        }
                    case 3: {
                            message.nextHash = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.examined = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvScanReply.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (message.keys != null && message.hasOwnProperty("keys")) {
                    if (!Array.isArray(message.keys))
                        return "keys: array expected";
                    for (let i = 0; i < message.keys.length; ++i)
                        if (!(message.keys[i] && typeof message.keys[i].length === "number" || $util.isString(message.keys[i])))
                            return "keys: buffer[] expected";
                }
                if (message.done != null && message.hasOwnProperty("done"))
                    if (typeof message.done !== "boolean")
                        return "done: boolean expected";
                if (message.nextHash != null && message.hasOwnProperty("nextHash"))
                    if (!$util.isInteger(message.nextHash) && !(message.nextHash && $util.isInteger(message.nextHash.low) && $util.isInteger(message.nextHash.high)))
                        return "nextHash: integer|Long expected";
                if (message.examined != null && message.hasOwnProperty("examined"))
                    if (!$util.isInteger(message.examined))
                        return "examined: integer expected";
                return null;
            };

            KvScanReply.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvScanReply)
                    return object;
                let message = new $root.troupe.v1.KvScanReply();
                if (object.keys) {
                    if (!Array.isArray(object.keys))
                        throw TypeError(".troupe.v1.KvScanReply.keys: array expected");
                    message.keys = [];
                    for (let i = 0; i < object.keys.length; ++i)
                        if (typeof object.keys[i] === "string")
                            $util.base64.decode(object.keys[i], message.keys[i] = $util.newBuffer($util.base64.length(object.keys[i])), 0);
                        else if (object.keys[i].length >= 0)
                            message.keys[i] = object.keys[i];
                }
                if (object.done != null)
                    message.done = Boolean(object.done);
                if (object.nextHash != null)
                    if ($util.Long)
                        (message.nextHash = $util.Long.fromValue(object.nextHash)).unsigned = true;
                    else if (typeof object.nextHash === "string")
                        message.nextHash = parseInt(object.nextHash, 10);
                    else if (typeof object.nextHash === "number")
                        message.nextHash = object.nextHash;
                    else if (typeof object.nextHash === "object")
                        message.nextHash = new $util.LongBits(object.nextHash.low >>> 0, object.nextHash.high >>> 0).toNumber(true);
                if (object.examined != null)
                    message.examined = object.examined >>> 0;
                return message;
            };

            KvScanReply.toObject = function toObject(message, options) {
                if (!options)
                    options = {};
                let object = {};
                if (options.arrays || options.defaults)
                    object.keys = [];
                if (options.defaults) {
                    object.done = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nextHash = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
                    } else
                        object.nextHash = options.longs === String ? "0" : 0;
                    object.examined = 0;
                }
                if (message.keys && message.keys.length) {
                    object.keys = [];
                    for (let j = 0; j < message.keys.length; ++j)
                        object.keys[j] = options.bytes === String ? $util.base64.encode(message.keys[j], 0, message.keys[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.keys[j]) : message.keys[j];
                }
                if (message.done != null && message.hasOwnProperty("done"))
                    object.done = message.done;
                if (message.nextHash != null && message.hasOwnProperty("nextHash"))
                    if (typeof message.nextHash === "number")
                        object.nextHash = options.longs === String ? String(message.nextHash) : message.nextHash;
                    else
                        object.nextHash = options.longs === String ? $util.Long.prototype.toString.call(message.nextHash) : options.longs === Number ? new $util.LongBits(message.nextHash.low >>> 0, message.nextHash.high >>> 0).toNumber(true) : message.nextHash;
                if (message.examined != null && message.hasOwnProperty("examined"))
                    object.examined = message.examined;
                return object;
            };

            KvScanReply.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvScanReply;
        })();

        v1.KvCount = (function() {

            function KvCount(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvCount.create = function create(properties) {
                return new KvCount(properties);
            };

            KvCount.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                return writer;
            };

            KvCount.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvCount();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvCount.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                return null;
            };

            KvCount.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvCount)
                    return object;
                return new $root.troupe.v1.KvCount();
            };

            KvCount.toObject = function toObject() {
                return {};
            };

            KvCount.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvCount;
        })();

        v1.KvFlush = (function() {

            function KvFlush(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null)
                            this[keys[i]] = properties[keys[i]];
            }

            KvFlush.create = function create(properties) {
                return new KvFlush(properties);
            };

            KvFlush.encode = function encode(message, writer) {
                if (!writer)
                    writer = $Writer.create();
                return writer;
            };

            KvFlush.decode = function decode(reader, length) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                let end = length === undefined ? reader.len : reader.pos + length, message = new $root.troupe.v1.KvFlush();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7);
                        break;
                    }
                }
                return message;
            };

            KvFlush.verify = function verify(message) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                return null;
            };

            KvFlush.fromObject = function fromObject(object) {
                if (object instanceof $root.troupe.v1.KvFlush)
                    return object;
                return new $root.troupe.v1.KvFlush();
            };

            KvFlush.toObject = function toObject() {
                return {};
            };

            KvFlush.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return KvFlush;
        })();

        return v1;
    })();

    return troupe;
})();

export { $root as default };
