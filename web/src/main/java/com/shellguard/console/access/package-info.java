/**
 * The console's page of access requests: admins decide pending requests (approve, deny, with a comment), auditors
 * read them. People with the USER role have no console login, so they file and follow their requests over the API
 * or the SSH menu; approvers who are not admins decide over the API.
 */
package com.shellguard.console.access;
