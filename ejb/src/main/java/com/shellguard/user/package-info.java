/**
 * The people who use the gateway and the admin API: their credentials (a slow password hash, OpenSSH
 * public keys), their role and their groups. Group membership is kept on the user, so a group is a name
 * that grants can refer to and membership has one source of truth.
 */
package com.shellguard.user;
