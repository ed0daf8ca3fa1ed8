/**
 * What every part of the adapter runs on: the container's WorkManager for work that may block
 * ({@link com.shellguard.connector.adapter.runtime.BlockingWork}), the node's settings, and the one failure
 * any part may meet, that no application is listening
 * ({@link com.shellguard.connector.adapter.runtime.GatewayUnavailableException}).
 *
 * <p>Why a package of its own: the resource adapter class that assembles the features lives in the
 * package above them and imports each of them; if these classes lived there too, every feature would import
 * its own assembler back. Here they depend on nothing else in the adapter, so the packages form no cycle.
 */
package com.shellguard.connector.adapter.runtime;
