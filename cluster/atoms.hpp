// The atoms of node-to-node messages (CAF 0.17 atom_constant), in one place.
#pragma once

#include <caf/atom.hpp>

namespace troupe::cluster {

/// session -> gateway: (atom, service u8, partition u16, request_msg) ->
/// response_msg.
using forward_atom = caf::atom_constant<caf::atom("forward")>;
/// member -> member: (atom, cluster name, member bytes, gateway, hub, table
/// bytes) -> (member bytes, gateway, hub, table bytes).
using hello_atom = caf::atom_constant<caf::atom("clhello")>;
/// member -> member: (atom, table bytes): a newer table.
using table_atom = caf::atom_constant<caf::atom("cltable")>;
/// coordinator -> owner: (atom, partition u16, to node, epoch) -> ok: move it.
using move_atom = caf::atom_constant<caf::atom("clmove")>;
/// old owner -> new owner: (atom, PartitionChunk bytes, reset) -> ok.
using chunk_atom = caf::atom_constant<caf::atom("clchunk")>;
/// old owner -> new owner: (atom, partition u16, epoch) -> ok: serve it now.
using adopt_atom = caf::atom_constant<caf::atom("cladopt")>;
/// (atom, node id) -> troupe.v1.Response bytes (cluster status once the node
/// owns nothing and left, or an error).
using drain_node_atom = caf::atom_constant<caf::atom("cldrain")>;
/// (atom) -> troupe.v1.Response bytes (cluster status).
using status_atom = caf::atom_constant<caf::atom("clstatus")>;
/// member internal: time to act (reconnect, plan the next move).
using tick_atom = caf::atom_constant<caf::atom("cltick")>;
/// member internal: connected to a cluster address (or failed).
using connected_atom = caf::atom_constant<caf::atom("clconn")>;
/// server -> member: (atom) -> ok once joined (or the wait is over).
using joined_atom = caf::atom_constant<caf::atom("cljoined")>;
/// member -> gateway: routes changed; retry held requests.
using reroute_atom = caf::atom_constant<caf::atom("clreroute")>;

/// driver -> driver: (atom, frame bytes): every group's Raft messages for
/// the receiving node from one turn (cluster/raft_codec).
using raft_atom = caf::atom_constant<caf::atom("raftmsg")>;
/// -> driver: (atom, node u64, driver actor): where a peer's driver is.
using raft_peer_atom = caf::atom_constant<caf::atom("raftpeer")>;
/// -> driver: (atom, group u16, initial voters, create) -> error text
/// (empty: hosted, or nothing stored and not `create`).
using raft_group_atom = caf::atom_constant<caf::atom("raftgrp")>;
/// -> driver: (atom, group u16, voters, learners) -> error text (empty: the
/// configuration was proposed).
using raft_config_atom = caf::atom_constant<caf::atom("raftconf")>;
/// -> driver: (atom, group u16) -> error text (empty: the replica and its
/// data are gone).
using raft_remove_atom = caf::atom_constant<caf::atom("raftrm")>;
/// member -> member: (atom, partition u16, term u64): this node serves the
/// partition as the leader of that term.
using leader_atom = caf::atom_constant<caf::atom("clleader")>;
/// member -> member: (atom, partition u16, raft id u64) -> uint8: 0 the
/// receiver does not lead the partition, 1 the node is among its replicas,
/// 2 its removal from them is committed.
using replica_check_atom = caf::atom_constant<caf::atom("clreplica")>;
/// member -> member: (atom, raft id u64) -> (the partitions the receiver
/// leads, those of them that still have the node among their replicas),
/// each as two big-endian bytes per partition.
using replicas_on_atom = caf::atom_constant<caf::atom("clrepon")>;
/// -> driver: (atom) -> uint32 groups it still leads: hand every group it
/// leads to another voter (a stopping node asks until none is left).
using raft_handoff_atom = caf::atom_constant<caf::atom("rafthand")>;
/// -> driver: (atom, group u16, to node u64) -> error text (empty: the
/// hand-off started; see raft_groups::transfer).
using raft_transfer_atom = caf::atom_constant<caf::atom("rafttrans")>;
/// session -> member: (atom, partition u16, node id) -> troupe.v1.Response
/// bytes (cluster status once the hand-off started, or an error).
using transfer_leader_atom = caf::atom_constant<caf::atom("cltransfer")>;
/// member -> driver: (atom, observer): tell it every change of a group's
/// serving, leader or term, starting with every group's current state.
using raft_observe_atom = caf::atom_constant<caf::atom("raftobs")>;
/// driver -> observer: (atom, group u16, serving, leader u64, term u64).
using raft_serving_atom = caf::atom_constant<caf::atom("raftserve")>;
/// driver internal: a tick; proposals waiting in the inbox; a turn's write
/// finished (ok, message); a failed write to retry.
using raft_tick_atom = caf::atom_constant<caf::atom("rafttick")>;
using raft_wake_atom = caf::atom_constant<caf::atom("raftwake")>;
using raft_turn_atom = caf::atom_constant<caf::atom("raftturn")>;
using raft_retry_atom = caf::atom_constant<caf::atom("raftretry")>;
/// member -> itself: (atom, ok, message) once the table it proposed to the
/// controller group was applied, or refused.
using proposed_atom = caf::atom_constant<caf::atom("clproposed")>;
/// session -> member: (atom, export id, partition, column, after, max_bytes) -> the
/// serialized Response (an export_chunk's reply), from the partition's
/// owner (or leader).
using export_atom = caf::atom_constant<caf::atom("clexport")>;
/// session -> member: (atom, ImportChunk bytes) -> the serialized Response
/// (count); member -> itself: (imported_atom, ok, message) once the
/// chunk's write is committed.
using import_atom = caf::atom_constant<caf::atom("climport")>;
using imported_atom = caf::atom_constant<caf::atom("climported")>;

} // namespace troupe::cluster
