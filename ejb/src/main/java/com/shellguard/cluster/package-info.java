/**
 * Which nodes of a cluster are alive, told through the database every node already shares, and what a survivor does
 * for a node that died without stopping (killed, power cut, crashed host): ends that node's open sessions in the
 * audit ({@code NODE_LOST}), raises an alert for each, and settles the termination requests nobody can carry out any
 * more.
 *
 * <p>Each node counts up its own row's {@code beats} every {@value com.shellguard.cluster.NodeWatchTimer#PERIOD_SECONDS}
 * seconds ({@link com.shellguard.cluster.NodeHeartbeats}). Every other node watches the counter
 * ({@link com.shellguard.cluster.NodeSilence}) and takes a node for lost when the counter has not moved for the
 * threshold by the watcher's own monotonic clock: no two clocks are ever compared, so clock skew between nodes, or
 * between a node and the database, cannot make a node look dead or alive. A node starting again under the same name
 * registers a new incarnation before it writes any session row, and the survivor's closing re-checks the counter
 * under the row's lock, so the restarted node's new sessions are never taken for the lost ones.
 *
 * <p>A node taken for lost that was alive after all (stalled, or cut off from the database) fences itself when it can
 * beat again ({@link com.shellguard.cluster.NodeFence}, {@link com.shellguard.cluster.SelfFence}): the sessions it
 * still relays whose audit a survivor closed end, with a line to their users, and their rows take their real end once.
 * Until then they run on with their audit reading {@code NODE_LOST}, out of reach of termination and grant expiry:
 * that is the limit. A watcher that could not look for two beats starts its watches over, so a database away for
 * every node makes nobody lost. Names must be unique in the cluster: two live nodes of one name look alive to each
 * other and share a row.
 */
package com.shellguard.cluster;
