--
-- PostgreSQL database dump
--

\restrict eCSllXhFar3ofuVb0SPtJIwrzccrqvv5gj9M3XT3TM6iwMGIGmJY2djmH3fVkTf

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: sg_account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_account (
    id character varying(36) NOT NULL,
    created timestamp without time zone,
    kind character varying(16) NOT NULL,
    login character varying(128) NOT NULL,
    privileged_server character varying(36),
    sealed_secret character varying(32768) NOT NULL,
    updated timestamp without time zone,
    server_id character varying(36)
);


--
-- Name: sg_alert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_alert (
    id character varying(36) NOT NULL,
    command_id character varying(64),
    detail character varying(2048),
    kind character varying(32),
    server_name character varying(128),
    session_id character varying(64),
    alert_time timestamp without time zone,
    user_name character varying(128)
);


--
-- Name: sg_api_token; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_api_token (
    id character varying(36) NOT NULL,
    created timestamp without time zone,
    last_used timestamp without time zone,
    name character varying(128) NOT NULL,
    owner_name character varying(128) NOT NULL,
    token_hash character varying(64) NOT NULL
);


--
-- Name: sg_auth_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_auth_event (
    id character varying(36) NOT NULL,
    method character varying(32),
    reason character varying(1024),
    source_address character varying(64),
    success boolean,
    event_time timestamp without time zone,
    user_name character varying(255)
);


--
-- Name: sg_command; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command (
    id character varying(36) NOT NULL,
    alert boolean,
    alias_name character varying(128),
    caller_process character varying(1024),
    canonical_path character varying(1024),
    command_id character varying(64),
    cwd character varying(1024),
    depth integer,
    duration_ms bigint,
    exit_status integer,
    function_name character varying(128),
    line_id character varying(64),
    login character varying(128),
    origin character varying(16),
    parent_process character varying(1024),
    program_path character varying(1024),
    program character varying(1024),
    reason character varying(1024),
    resolution character varying(16),
    shell_role character varying(16),
    rule_name character varying(128),
    server_name character varying(128),
    session_id character varying(64),
    shell character varying(16),
    source_file character varying(1024),
    source_line integer,
    command_text character varying(8192),
    command_time timestamp without time zone,
    typed_line character varying(8192),
    run_uid character varying(16),
    user_name character varying(128),
    verdict character varying(16)
);


--
-- Name: sg_command_default; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_default (
    id character varying(36) NOT NULL,
    created timestamp without time zone,
    label character varying(128) NOT NULL,
    command_mode character varying(16) NOT NULL,
    supervisor character varying(8),
    updated timestamp without time zone
);


--
-- Name: sg_command_policy_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_policy_version (
    id integer NOT NULL,
    policy_version bigint NOT NULL
);


--
-- Name: sg_command_rule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_rule (
    id character varying(36) NOT NULL,
    rule_action character varying(16) NOT NULL,
    created timestamp without time zone,
    description character varying(1024),
    match_kind character varying(16) NOT NULL,
    name character varying(128) NOT NULL,
    pattern character varying(1024) NOT NULL,
    priority integer,
    updated timestamp without time zone
);


--
-- Name: sg_command_rule_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_rule_group (
    rule_id character varying(36),
    group_name character varying(128)
);


--
-- Name: sg_command_rule_label; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_rule_label (
    rule_id character varying(36),
    label character varying(128)
);


--
-- Name: sg_command_rule_login; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_rule_login (
    rule_id character varying(36),
    login character varying(128)
);


--
-- Name: sg_command_rule_server; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_rule_server (
    rule_id character varying(36),
    server_name character varying(128)
);


--
-- Name: sg_command_rule_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_command_rule_user (
    rule_id character varying(36),
    user_name character varying(128)
);


--
-- Name: sg_file_transfer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_file_transfer (
    id character varying(36) NOT NULL,
    action character varying(16),
    bytes bigint,
    detail character varying(1024),
    login character varying(128),
    other_path character varying(4096),
    path character varying(4096),
    result character varying(16),
    server_name character varying(128),
    session_id character varying(64),
    transfer_time timestamp without time zone,
    user_name character varying(128)
);


--
-- Name: sg_forward; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_forward (
    id character varying(36) NOT NULL,
    bytes_from_target bigint,
    bytes_to_target bigint,
    client_address character varying(64),
    destination character varying(300),
    duration_ms bigint,
    gateway_node character varying(128),
    kind character varying(16),
    login character varying(128),
    message character varying(1024),
    originator character varying(300),
    result character varying(16),
    server_name character varying(128),
    session_id character varying(64),
    started timestamp without time zone,
    user_name character varying(128)
);


--
-- Name: sg_grant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_grant (
    id character varying(36) NOT NULL,
    created timestamp without time zone,
    group_name character varying(128),
    server_label character varying(128),
    server_name character varying(128),
    user_name character varying(128)
);


--
-- Name: sg_grant_forward_to; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_grant_forward_to (
    grant_id character varying(36),
    destination character varying(300),
    "position" integer
);


--
-- Name: sg_grant_forwarding; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_grant_forwarding (
    grant_id character varying(36),
    kind character varying(16)
);


--
-- Name: sg_grant_login; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_grant_login (
    grant_id character varying(36),
    login character varying(128),
    "position" integer
);


--
-- Name: sg_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_group (
    id character varying(36) NOT NULL,
    created timestamp without time zone,
    name character varying(128) NOT NULL
);


--
-- Name: sg_login_failure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_login_failure (
    subject character varying(255) NOT NULL,
    failures integer,
    locked_until timestamp without time zone,
    window_start timestamp without time zone
);


--
-- Name: sg_mfa_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_mfa_group (
    requirement_id character varying(16),
    group_name character varying(128)
);


--
-- Name: sg_mfa_requirement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_mfa_requirement (
    id character varying(16) NOT NULL,
    everyone boolean
);


--
-- Name: sg_server; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_server (
    id character varying(36) NOT NULL,
    created timestamp without time zone,
    description character varying(1024),
    host character varying(255) NOT NULL,
    host_key character varying(8192),
    host_key_pinned_at timestamp without time zone,
    name character varying(128) NOT NULL,
    ssh_port integer
);


--
-- Name: sg_server_host_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_server_host_key (
    host_key character varying(8192) NOT NULL,
    pinned_at timestamp without time zone,
    server_id character varying(36)
);


--
-- Name: sg_server_label; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_server_label (
    server_id character varying(36),
    label character varying(128)
);


--
-- Name: sg_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_session (
    id character varying(64) NOT NULL,
    bytes_from_client bigint,
    bytes_to_client bigint,
    client_address character varying(64),
    command character varying(4096),
    ended timestamp without time zone,
    exit_status integer,
    gateway_node character varying(255),
    hook_detail character varying(1024),
    hook_layers character varying(64),
    hook_shell character varying(64),
    hook_state character varying(16),
    hook_tier character varying(16),
    channel_kind character varying(16),
    login character varying(128),
    message character varying(1024),
    privileged_account character varying(128),
    server_name character varying(128),
    started timestamp without time zone,
    status character varying(16),
    user_name character varying(128)
);


--
-- Name: sg_session_termination; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_session_termination (
    session_id character varying(64) NOT NULL,
    gateway_node character varying(255),
    requested timestamp without time zone,
    requested_by character varying(128)
);


--
-- Name: sg_startup_file; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_startup_file (
    id character varying(36) NOT NULL,
    accepted_at timestamp without time zone,
    accepted_by character varying(128),
    accepted_hash character varying(512) NOT NULL,
    login character varying(128) NOT NULL,
    path character varying(255) NOT NULL,
    seen_at timestamp without time zone,
    seen_hash character varying(512) NOT NULL,
    seen_session character varying(36),
    server_name character varying(128) NOT NULL
);


--
-- Name: sg_totp; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_totp (
    username character varying(128) NOT NULL,
    confirmed timestamp without time zone,
    created timestamp without time zone,
    last_step bigint,
    sealed_secret character varying(512) NOT NULL
);


--
-- Name: sg_totp_recovery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_totp_recovery (
    username character varying(128),
    code_hash character varying(64)
);


--
-- Name: sg_typed_line; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_typed_line (
    id character varying(36) NOT NULL,
    line_id character varying(64),
    session_id character varying(64),
    line_text character varying(8192),
    line_time timestamp without time zone
);


--
-- Name: sg_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_user (
    id character varying(36) NOT NULL,
    created timestamp without time zone,
    directory_account boolean,
    enabled boolean,
    password_hash character varying(256),
    role character varying(16) NOT NULL,
    username character varying(128) NOT NULL
);


--
-- Name: sg_user_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_user_group (
    user_id character varying(36),
    group_name character varying(128)
);


--
-- Name: sg_user_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sg_user_key (
    user_id character varying(36),
    public_key character varying(8192)
);


--
-- Data for Name: sg_account; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_account (id, created, kind, login, privileged_server, sealed_secret, updated, server_id) FROM stdin;
b1f83bf4-53dc-4bf6-84aa-f9823d6f05ba	2026-12-07 10:48:32.485	PRIVATE_KEY	sgtarget	\N	v1:ORPd8bZWoxJ6+CK9nA4CCuTx0W2x2GNw5003ODRfJLviTO81A+koytbSdS1YcueyTcdV/LvBt7WFRasMCAbq6LxTD28jKnCD6pxuVPDeHkje2Q68/XdHFBoRFKGh6I6A97RjkGuNAO4qeWDwbHZeYHrcFLEuqNDTfcJSDC2v7weRCkOBjRJyqyNoe44Q1KmcvPKBs2jT2gu1UjL1GTiltjj7Ro7yxiQMMTuQa2mbSYe2ptSoTRdUEIGj2Knupf+EdQY+okVdG8+dvqRhnLJlXnfGeGme2pdx1RFANY+pxKQNAX+hX1hFjNUTK2QvgQa46iaHX10MuUbHN1nIQNCr2jDMFjD9AkQIEoaEISxfV7kGG/l6+6gXlQet1nUb/fZa0NOcZ8EOLoAfIB2dNL7Qo+OHfgrLYjbURy0Dh0ua+DTX4+I13KXpw+GuE1bk1n9tqgwFLmn4wTI5JAeTaNK/iFGoR82CLsaYsGmJnaK46n588/9EIk7mtEti+jikhr9R5FohKeimXiqO+z4O7x3sh62tecLc3WZAA1WRwW/sWqnioy26F92wCj7VLjtt5/IU7v91TA1V	2026-12-07 10:48:33.874	7c165d2e-de10-485f-a041-dc6176fb9ef5
8d6dedd6-eacd-46b3-b21a-57950bb2a1fc	2026-12-07 10:48:56.923	PASSWORD	sgtarget	\N	v1:QNQNvLWRz/M5pyDKpbfkjAOquNUQzMeWAKko+UMtvl8G9IARUlORZeWV	2026-12-07 10:48:56.924	4b669bde-8f58-4ccc-9e46-76dcfb44a04d
\.


--
-- Data for Name: sg_alert; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_alert (id, command_id, detail, kind, server_name, session_id, alert_time, user_name) FROM stdin;
01a2501f-ae30-7458-bc20-c228bc5007e9	\N	pinned the host keys of web01 on first contact: ecdsa-sha2-nistp256 SHA256:WIRtUhqyvq7eHBJte4KpJQy26Ce774FH/+mv62ILbEY, ssh-rsa SHA256:IcTIbLVgBSzy482p96rNhLl+emNgpE2LOvE0AGxoiEg, ssh-ed25519 SHA256:I80Fyi0taIYb5J1J79asczKWSnjbG3eMhYKaLrGpL7c	HOST_KEY_PINNED	web01	8e187179-0308-4af6-8039-51926065d63e	2026-12-07 10:49:43.216	alice
01a2501f-fd99-7bd0-8e15-172f550805e7	19369.1	alert by rule watch-id: id -un	POLICY	web01	8e187179-0308-4af6-8039-51926065d63e	2026-12-07 10:49:59.501	alice
01a25020-0115-7191-988e-a9cbd8a96e5b	19435.g1	alert by rule watch-id: id -un	POLICY	web01	8e187179-0308-4af6-8039-51926065d63e	2026-12-07 10:50:03.288	alice
01a25020-0238-700c-856d-718c1cf2a8e5	19435.s1	alert by rule watch-id: id -un	POLICY	web01	8e187179-0308-4af6-8039-51926065d63e	2026-12-07 10:50:04.172	alice
\.


--
-- Data for Name: sg_api_token; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_api_token (id, created, last_used, name, owner_name, token_hash) FROM stdin;
148165db-e79e-480d-916b-0073cd4e69e5	2026-12-07 10:49:13.944	\N	siem	admin	e6ad66c4d27fb19b03a231cc89827d2b06409be3f5987f2186c26e1a424d358a
\.


--
-- Data for Name: sg_auth_event; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_auth_event (id, method, reason, source_address, success, event_time, user_name) FROM stdin;
01a2501f-8501-785a-8cf6-60ba49162185	PUBLICKEY	\N	127.0.0.1:54542	t	2026-12-07 10:49:32.673	alice
01a25020-0a38-769b-ac2d-b3e56a950405	PUBLICKEY	\N	127.0.0.1:53554	t	2026-12-07 10:50:06.775	alice
01a25020-2000-77ef-89ab-9834f8198ad8	PUBLICKEY	\N	127.0.0.1:53564	t	2026-12-07 10:50:12.352	alice
01a25020-3f51-731f-ba79-7d174e3ea400	PUBLICKEY	public key not registered for carol	127.0.0.1:50048	f	2026-12-07 10:50:20.369	carol
01a25020-478e-7d7d-8c1c-ef8deeb12b6e	PUBLICKEY	\N	127.0.0.1:50064	t	2026-12-07 10:50:22.478	alice
\.


--
-- Data for Name: sg_command; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command (id, alert, alias_name, caller_process, canonical_path, command_id, cwd, depth, duration_ms, exit_status, function_name, line_id, login, origin, parent_process, program_path, program, reason, resolution, shell_role, rule_name, server_name, session_id, shell, source_file, source_line, command_text, command_time, typed_line, run_uid, user_name, verdict) FROM stdin;
01a25020-010b-7e06-b5d4-d9fa6e16a474	t		19435 /usr/bin/bash	/usr/bin/id	19435.g1	/home/sgtarget	0	\N	\N	execve		sgtarget	PROGRAM	19369 /usr/bin/bash	/usr/bin/id	/usr/bin/id	alert by rule watch-id	file	guard	watch-id	web01	8e187179-0308-4af6-8039-51926065d63e	guard		0	id -un	2026-12-07 10:50:03.288	\N	\N	alice	ALERTED
01a25020-0237-7250-adc7-bec92760fe44	t		\N	/usr/bin/id	19435.s1	/home/sgtarget	0	\N	\N	execve		sgtarget	PROGRAM	19369 /usr/bin/bash	/usr/bin/id	id	alert by rule watch-id	file	supervisor	watch-id	web01	8e187179-0308-4af6-8039-51926065d63e	supervisor		0	id -un	2026-12-07 10:50:04.172	\N	1001	alice	ALERTED
01a2501f-fcd4-7f9b-8103-0354cfe4844d	t		\N	/usr/bin/id	19369.1	/home/sgtarget	0	5188	0		19369.0	sgtarget	COMMAND_STRING	\N	/usr/bin/id	id	alert by rule watch-id	file	exec	watch-id	web01	8e187179-0308-4af6-8039-51926065d63e	bash		1	id -un	2026-12-07 10:49:59.501	\N	\N	alice	ALERTED
01a25020-05ae-721e-8124-35128aac4ca7	f		\N	/usr/bin/rm	19369.2	/home/sgtarget	0	\N	\N		19369.0	sgtarget	COMMAND_STRING	\N	/usr/bin/rm	rm	blocked by rule no-rm (command rm)	file	exec	no-rm	web01	8e187179-0308-4af6-8039-51926065d63e	bash		1	rm /tmp/shellguard-fixture-nothing	2026-12-07 10:50:04.69	\N	\N	alice	BLOCKED
01a25020-6215-7cea-ada6-6d0937f58e4a	f		\N	/usr/bin/sleep	20163.s1	/home/sgtarget	0	\N	\N	execve		sgtarget	PROGRAM	20162 /tmp/.shellguard-S8f5RQaf5z-supervisor/supervisor	/usr/bin/sleep	sleep	\N	file	supervisor	\N	web01	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	supervisor		0	sleep 120	2026-12-07 10:50:29.06	\N	1001	alice	ALLOWED
01a25020-6215-77aa-b5da-67aecfb37f51	f		\N	/usr/bin/sleep	20163.1	/home/sgtarget	0	\N	\N		20163.0	sgtarget	COMMAND_STRING	\N	/usr/bin/sleep	sleep	\N	file	exec	\N	web01	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	bash		1	sleep 120	2026-12-07 10:50:28.823	\N	\N	alice	ALLOWED
\.


--
-- Data for Name: sg_command_default; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_default (id, created, label, command_mode, supervisor, updated) FROM stdin;
df797a30-e69e-4bac-b793-fb80723a1148	2026-12-07 10:49:10.098	db	ALLOW	OFF	2026-12-07 10:49:10.098
\.


--
-- Data for Name: sg_command_policy_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_policy_version (id, policy_version) FROM stdin;
1	3
\.


--
-- Data for Name: sg_command_rule; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_rule (id, rule_action, created, description, match_kind, name, pattern, priority, updated) FROM stdin;
177a6879-d9de-44e0-96ea-6e3537b8fbcc	BLOCK	2026-12-07 10:49:04.053	keep files	COMMAND	no-rm	rm	100	2026-12-07 10:49:04.053
25bf56aa-6a91-4d74-8e85-abdaa9f3283f	ALERT	2026-12-07 10:49:07.264	\N	COMMAND	watch-id	id	50	2026-12-07 10:49:07.264
\.


--
-- Data for Name: sg_command_rule_group; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_rule_group (rule_id, group_name) FROM stdin;
\.


--
-- Data for Name: sg_command_rule_label; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_rule_label (rule_id, label) FROM stdin;
\.


--
-- Data for Name: sg_command_rule_login; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_rule_login (rule_id, login) FROM stdin;
\.


--
-- Data for Name: sg_command_rule_server; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_rule_server (rule_id, server_name) FROM stdin;
25bf56aa-6a91-4d74-8e85-abdaa9f3283f	web01
\.


--
-- Data for Name: sg_command_rule_user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_command_rule_user (rule_id, user_name) FROM stdin;
\.


--
-- Data for Name: sg_file_transfer; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_file_transfer (id, action, bytes, detail, login, other_path, path, result, server_name, session_id, transfer_time, user_name) FROM stdin;
01a25020-3abb-763d-a06d-daad33f32fe6	SETSTAT	0	\N	sgtarget	\N	/tmp/shellguard-fixture-upload-postgresql.txt	OK	web01	26cbc731-a2a2-4a1a-a7f9-6680a07aa876	2026-12-07 10:50:18.754	alice
01a25020-3a17-757e-a1bb-7b50e1d7673e	UPLOAD	26	\N	sgtarget	\N	/tmp/shellguard-fixture-upload-postgresql.txt	OK	web01	26cbc731-a2a2-4a1a-a7f9-6680a07aa876	2026-12-07 10:50:18.885	alice
\.


--
-- Data for Name: sg_forward; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_forward (id, bytes_from_target, bytes_to_target, client_address, destination, duration_ms, gateway_node, kind, login, message, originator, result, server_name, session_id, started, user_name) FROM stdin;
\.


--
-- Data for Name: sg_grant; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_grant (id, created, group_name, server_label, server_name, user_name) FROM stdin;
93aac99e-c173-4562-805e-46626c2fec31	2026-12-07 10:48:59.682	\N	\N	web01	alice
358fc097-cfbb-46fe-a8f5-f626f9cea27f	2026-12-07 10:49:01.963	ops	db	\N	\N
\.


--
-- Data for Name: sg_grant_forward_to; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_grant_forward_to (grant_id, destination, "position") FROM stdin;
93aac99e-c173-4562-805e-46626c2fec31	127.0.0.1:*	0
358fc097-cfbb-46fe-a8f5-f626f9cea27f	127.0.0.1:*	0
\.


--
-- Data for Name: sg_grant_forwarding; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_grant_forwarding (grant_id, kind) FROM stdin;
358fc097-cfbb-46fe-a8f5-f626f9cea27f	local
\.


--
-- Data for Name: sg_grant_login; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_grant_login (grant_id, login, "position") FROM stdin;
93aac99e-c173-4562-805e-46626c2fec31	sgtarget	0
358fc097-cfbb-46fe-a8f5-f626f9cea27f	sgtarget	0
\.


--
-- Data for Name: sg_group; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_group (id, created, name) FROM stdin;
6c943cd1-dba0-4988-8181-62a3a697cc0c	2026-12-07 10:48:04.872	ops
\.


--
-- Data for Name: sg_login_failure; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_login_failure (subject, failures, locked_until, window_start) FROM stdin;
\.


--
-- Data for Name: sg_mfa_group; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_mfa_group (requirement_id, group_name) FROM stdin;
\.


--
-- Data for Name: sg_mfa_requirement; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_mfa_requirement (id, everyone) FROM stdin;
mfa	f
\.


--
-- Data for Name: sg_server; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_server (id, created, description, host, host_key, host_key_pinned_at, name, ssh_port) FROM stdin;
7c165d2e-de10-485f-a041-dc6176fb9ef5	2026-12-07 10:48:08.927	\N	127.0.0.1	\N	\N	web01	42301
4b669bde-8f58-4ccc-9e46-76dcfb44a04d	2026-12-07 10:48:53.419	\N	127.0.0.1	\N	\N	db01	42301
\.


--
-- Data for Name: sg_server_host_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_server_host_key (host_key, pinned_at, server_id) FROM stdin;
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKoCax7TU0oKcWlERZ3s09fhPEVyVv1JPWxOmdwDIJPH	2026-12-07 10:48:54.314	4b669bde-8f58-4ccc-9e46-76dcfb44a04d
ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDEV3LqzCr/vq89p9cZ1LaOmENWf51JUX4bvPT/NGMEjWIA78lSRUIwPYogI7xBwRDSc65+wL/IhEQzuXDIZDJmt0Q7l4Xl1mqa4nRIhwAGaNEpyTYTjgFN5norEtw3xCbfzn81dexYkKN5w5osSmCo4S3GDLPXQL4F2ClaYlQRqEMMXzp6hViet3uquoit0dpJWTOw4YeGyqAbtzN1X/yB4chiqypSrTDIk08dKPTwlPA9l984OyWMvgs7VHPUxs1YWsY1nyIbxtZ7VA9PgEBQtwx6Qj3F2unt2gC533HxSkryqEkM5Wfkk0xoGq1xMoa36z1w8F4QtHIR5IlVO8siWCAuZBzPC+sRbt6Fnww0eceH3f843KgWnqOdp3Qi923gHaBwxYGQ5EtTnTnQZRZHKOxgFl+CwngU1xbo/Idl+MF5TesIHk249KcSVHeDQhb3Qj1nyPFpH6gIOy4kCOBH2OliMAm3t6pKqcaTt6oZP8F0YLgnW75GhufJKwMcFy0=	2026-12-07 10:49:43.071	7c165d2e-de10-485f-a041-dc6176fb9ef5
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKoCax7TU0oKcWlERZ3s09fhPEVyVv1JPWxOmdwDIJPH	2026-12-07 10:49:43.071	7c165d2e-de10-485f-a041-dc6176fb9ef5
ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBMOyCqf9MxvJWxQqPUj8MxMapZDxP3yMn3dZg8lflr7rCke1C4VlPajl83+Ug4H1258FDu1b6h4jQefisBpjnbc=	2026-12-07 10:49:43.071	7c165d2e-de10-485f-a041-dc6176fb9ef5
\.


--
-- Data for Name: sg_server_label; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_server_label (server_id, label) FROM stdin;
7c165d2e-de10-485f-a041-dc6176fb9ef5	prod
4b669bde-8f58-4ccc-9e46-76dcfb44a04d	db
4b669bde-8f58-4ccc-9e46-76dcfb44a04d	prod
\.


--
-- Data for Name: sg_session; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_session (id, bytes_from_client, bytes_to_client, client_address, command, ended, exit_status, gateway_node, hook_detail, hook_layers, hook_shell, hook_state, hook_tier, channel_kind, login, message, privileged_account, server_name, started, status, user_name) FROM stdin;
8e187179-0308-4af6-8039-51926065d63e	0	53	127.0.0.1:54542	echo hello; id -un; rm /tmp/shellguard-fixture-nothing; true	2026-12-07 10:50:05.426	0	node-a	\N	hook lane guard supervisor	bash/5.2.15(1)-release	ARMED	same-account	EXEC	sgtarget	\N	\N	web01	2026-12-07 10:49:37.015	CLOSED	alice
975d5e38-a36e-4f80-b334-b22e409eb1ca	0	8	127.0.0.1:53554	echo on-db01	2026-12-07 10:50:10.753	0	node-a	\N	hook lane guard	bash/5.2.15(1)-release	ARMED	same-account	EXEC	sgtarget	\N	\N	db01	2026-12-07 10:50:07.003	CLOSED	alice
26cbc731-a2a2-4a1a-a7f9-6680a07aa876	0	0	127.0.0.1:53564	sftp	2026-12-07 10:50:18.977	\N	node-a	\N	\N	\N	\N	\N	SFTP	sgtarget	\N	\N	web01	2026-12-07 10:50:13.284	CLOSED	alice
39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	0	0	127.0.0.1:50064	sleep 120	2026-12-07 10:50:41.085	\N	node-a	\N	hook lane guard supervisor	bash/5.2.15(1)-release	ARMED	same-account	EXEC	sgtarget	terminated by administrator admin	\N	web01	2026-12-07 10:50:22.882	TERMINATED	alice
\.


--
-- Data for Name: sg_session_termination; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_session_termination (session_id, gateway_node, requested, requested_by) FROM stdin;
\.


--
-- Data for Name: sg_startup_file; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_startup_file (id, accepted_at, accepted_by, accepted_hash, login, path, seen_at, seen_hash, seen_session, server_name) FROM stdin;
6aea178a-4d10-420b-87b6-54f7a6abb661	2026-12-07 10:50:08.807	\N	absent	sgtarget	.zprofile	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
84d69e0f-0d29-4093-9ec5-0c7c93faaa7e	2026-12-07 10:50:08.807	\N	absent	sgtarget	.zshenv	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
f63e7cd8-f4e0-42e5-b60c-9b9e44bdfbdd	2026-12-07 10:50:08.807	\N	absent	sgtarget	.bash_aliases	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
6c2a7820-1581-4e0d-b961-5b6da8af16f4	2026-12-07 10:50:08.807	\N	absent	sgtarget	.ssh/environment	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
6f3ce3c7-9498-4e21-bb6d-1c3da249fa96	2026-12-07 10:50:08.807	\N	28b4a453b68dde64f814e94bab14ee651f4f162e15dd9920490aa1d49f05d2a4	sgtarget	.profile	2026-12-07 10:50:08.807	28b4a453b68dde64f814e94bab14ee651f4f162e15dd9920490aa1d49f05d2a4	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
1933d424-4113-4deb-87a5-f825eda9617c	2026-12-07 10:50:08.807	\N	absent	sgtarget	.bash_login	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
07d7afe8-b1e8-4388-8e25-aa69ded52d8b	2026-12-07 10:50:08.807	\N	absent	sgtarget	.zlogin	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
2c8f9b34-7edc-41d9-ad6f-a4a634d4de04	2026-12-07 10:50:08.807	\N	absent	sgtarget	.bash_profile	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
7b12556c-066c-4668-934d-5491b0d3b20c	2026-12-07 10:50:08.807	\N	26882b79471c25f945c970f8233d8ce29d54e9d5eedcd2884f88affa84a18f56	sgtarget	.bash_logout	2026-12-07 10:50:08.807	26882b79471c25f945c970f8233d8ce29d54e9d5eedcd2884f88affa84a18f56	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
a90d6d39-f861-4028-9df9-ff1e66fbba70	2026-12-07 10:50:08.807	\N	absent	sgtarget	.ssh/rc	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
9d17ffaa-cb18-4574-8de1-2b3b4c1cc89d	2026-12-07 10:50:08.807	\N	absent	sgtarget	.zshrc	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
ddd0f363-0756-4b8f-9aa4-495bc4db9418	2026-12-07 10:50:08.807	\N	afae8986f549c6403410e029f9cce7983311512d04b1f02af02e4ce0af0dd2bf	sgtarget	.bashrc	2026-12-07 10:50:08.807	afae8986f549c6403410e029f9cce7983311512d04b1f02af02e4ce0af0dd2bf	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
a10786cf-9ba7-4e3b-88da-64bd2a5d38ad	2026-12-07 10:50:08.807	\N	absent	sgtarget	.zlogout	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
8c4f6f20-d4c5-4458-a3cf-15a95ed6b65a	2026-12-07 10:50:08.807	\N	absent	sgtarget	.ssh/authorized_keys	2026-12-07 10:50:08.807	absent	975d5e38-a36e-4f80-b334-b22e409eb1ca	db01
15c199c4-8626-4f2f-b26a-d6f01ec367e2	2026-12-07 10:49:50.706	\N	absent	sgtarget	.zlogin	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
1d4fa2ad-af72-4c7b-a8d8-eba4753516fc	2026-12-07 10:49:50.706	\N	absent	sgtarget	.zlogout	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
43af48b0-f466-4468-810a-0b75d009595f	2026-12-07 10:49:50.706	\N	absent	sgtarget	.bash_aliases	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
6e0836a0-d090-4c0f-b947-4c92d22e9375	2026-12-07 10:49:50.706	\N	absent	sgtarget	.bash_login	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
748dd145-e70d-4d92-9ffc-f10315107d4c	2026-12-07 10:49:50.706	\N	26882b79471c25f945c970f8233d8ce29d54e9d5eedcd2884f88affa84a18f56	sgtarget	.bash_logout	2026-12-07 10:50:25.454	26882b79471c25f945c970f8233d8ce29d54e9d5eedcd2884f88affa84a18f56	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
7636ccbd-1bf7-417a-88c8-1f8a7164a9fc	2026-12-07 10:49:50.706	\N	absent	sgtarget	.ssh/authorized_keys	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
7ab66f6b-f4af-4de9-889a-14b15b4113cf	2026-12-07 10:49:50.706	\N	absent	sgtarget	.zshenv	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
883149d3-7c9e-4af6-ba39-cb7cdf20f09a	2026-12-07 10:49:50.706	\N	absent	sgtarget	.bash_profile	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
915caa7b-6b52-4d56-9eb4-11902b56217b	2026-12-07 10:49:50.706	\N	afae8986f549c6403410e029f9cce7983311512d04b1f02af02e4ce0af0dd2bf	sgtarget	.bashrc	2026-12-07 10:50:25.454	afae8986f549c6403410e029f9cce7983311512d04b1f02af02e4ce0af0dd2bf	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
ac7efc07-5671-43f5-9303-6513748b4cd4	2026-12-07 10:49:50.706	\N	absent	sgtarget	.ssh/environment	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
b4101979-2876-4a99-aa82-bb5e431062bd	2026-12-07 10:49:50.706	\N	absent	sgtarget	.ssh/rc	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
c29dbba6-b339-4263-b090-5371d02a3112	2026-12-07 10:49:50.706	\N	28b4a453b68dde64f814e94bab14ee651f4f162e15dd9920490aa1d49f05d2a4	sgtarget	.profile	2026-12-07 10:50:25.454	28b4a453b68dde64f814e94bab14ee651f4f162e15dd9920490aa1d49f05d2a4	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
c7c2a21e-a52f-4fc7-9a0d-461951b9125a	2026-12-07 10:49:50.706	\N	absent	sgtarget	.zshrc	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
f739497a-c4c2-422b-a841-e69c7467c9bf	2026-12-07 10:49:50.706	\N	absent	sgtarget	.zprofile	2026-12-07 10:50:25.454	absent	39aba1ee-1c29-4f0a-bd14-0f7d313d96ef	web01
\.


--
-- Data for Name: sg_totp; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_totp (username, confirmed, created, last_step, sealed_secret) FROM stdin;
carol	\N	2026-12-07 10:49:22.517	0	v1:88Z3U3J0SERTrAvwQ0hvQcBN3ianGbUozdSDt02Ma987WtRYqVYqvNSr5/Rf1QkSnMMs/Q9xI5rI5T8B
\.


--
-- Data for Name: sg_totp_recovery; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_totp_recovery (username, code_hash) FROM stdin;
carol	c15dcb0ddfa13360f17fbb3a7169aaff1a1671c1a7d0ed1ed10bb65aa607571b
carol	e862bb7c9db8da39e95646870ccd96f054446fc974c94102533deb3363c7738c
carol	5f4569ca7710751b7cad5d6467b78071f7c73f72ee3dea575ee50626f5802160
carol	18d870b03da17ead6cb4f91077cceabcd70152b0e2f03309f4764bd9f6126ab0
carol	484f301034e28d75846689d03ad0f3b647817ca15eff9041c7080653f49804c8
carol	0b52d12e932001d4ae34a64b0d47b5ee1299ee6081c1fb16ce3b6f7012fd0e71
carol	bbefcbd6686943f3d2d8ff1ca0186c6bffee2b2911c2a81124e8f16b7c8cf252
carol	c5a03982822bdb91604a016040baec61f31ab239e3c69dc76743f9d83a1dc058
carol	63ca156802e6b7c4a1b0a975b4f6c11852660792eae7726bc354f336d8db15f8
carol	30db951802e62179c1b7236d913a0da58932d48839a11ca051d89e09a014b3aa
\.


--
-- Data for Name: sg_typed_line; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_typed_line (id, line_id, session_id, line_text, line_time) FROM stdin;
\.


--
-- Data for Name: sg_user; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_user (id, created, directory_account, enabled, password_hash, role, username) FROM stdin;
d03b78f8-84f0-477a-ad21-003407c1b0c2	2026-12-07 10:45:13.892	\N	t	pbkdf2-sha256$310000$kOjcC/1cMlH3BwiF0uTd8Q$iXNdSFZ42bKrLuLDFKOyQdVrfvok2gJ/5UK6Pt+z2XE	ADMIN	admin
8602f6f9-9048-427c-ad90-ee641111785d	2026-12-07 10:47:48.125	\N	t	pbkdf2-sha256$310000$ornBMFwtXb2SubUmcT4CcA$nmzvXXpLOdL7rn8FdBfkrvYFurOLo9ckX8FPBGRs2b0	USER	alice
55b94afd-21e1-4382-b891-76e54143954f	2026-12-07 10:47:54.758	\N	t	pbkdf2-sha256$310000$Aqp/UF0EV/rAyot3ZCewbQ$xreTQn59cgWiXde80HClU5ZzFUj/hER6H1o/PBzxbl0	AUDITOR	bob
ec19cac2-4a14-46de-9c70-967a81188e0a	2026-12-07 10:47:59.797	\N	t	pbkdf2-sha256$310000$qdGZPmh3fumnvV/CuL6orw$BueaJ43W84DGVIKAfEDhRJNcgsprF4pRQm0rsz+g2Ic	USER	carol
\.


--
-- Data for Name: sg_user_group; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_user_group (user_id, group_name) FROM stdin;
8602f6f9-9048-427c-ad90-ee641111785d	ops
ec19cac2-4a14-46de-9c70-967a81188e0a	ops
\.


--
-- Data for Name: sg_user_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sg_user_key (user_id, public_key) FROM stdin;
8602f6f9-9048-427c-ad90-ee641111785d	ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL3B8ZZVjtAuDOehuWaPOk77XCZbNijJMZS6UyTIa3GS alice
\.


--
-- Name: sg_account sg_account_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_account
    ADD CONSTRAINT sg_account_pkey PRIMARY KEY (id);


--
-- Name: sg_account sg_account_privileged_server_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_account
    ADD CONSTRAINT sg_account_privileged_server_key UNIQUE (privileged_server);


--
-- Name: sg_alert sg_alert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_alert
    ADD CONSTRAINT sg_alert_pkey PRIMARY KEY (id);


--
-- Name: sg_api_token sg_api_token_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_api_token
    ADD CONSTRAINT sg_api_token_pkey PRIMARY KEY (id);


--
-- Name: sg_api_token sg_api_token_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_api_token
    ADD CONSTRAINT sg_api_token_token_hash_key UNIQUE (token_hash);


--
-- Name: sg_auth_event sg_auth_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_auth_event
    ADD CONSTRAINT sg_auth_event_pkey PRIMARY KEY (id);


--
-- Name: sg_command_default sg_command_default_label_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_default
    ADD CONSTRAINT sg_command_default_label_key UNIQUE (label);


--
-- Name: sg_command_default sg_command_default_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_default
    ADD CONSTRAINT sg_command_default_pkey PRIMARY KEY (id);


--
-- Name: sg_command sg_command_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command
    ADD CONSTRAINT sg_command_pkey PRIMARY KEY (id);


--
-- Name: sg_command_policy_version sg_command_policy_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_policy_version
    ADD CONSTRAINT sg_command_policy_version_pkey PRIMARY KEY (id);


--
-- Name: sg_command_rule sg_command_rule_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_rule
    ADD CONSTRAINT sg_command_rule_name_key UNIQUE (name);


--
-- Name: sg_command_rule sg_command_rule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_rule
    ADD CONSTRAINT sg_command_rule_pkey PRIMARY KEY (id);


--
-- Name: sg_file_transfer sg_file_transfer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_file_transfer
    ADD CONSTRAINT sg_file_transfer_pkey PRIMARY KEY (id);


--
-- Name: sg_forward sg_forward_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_forward
    ADD CONSTRAINT sg_forward_pkey PRIMARY KEY (id);


--
-- Name: sg_grant sg_grant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_grant
    ADD CONSTRAINT sg_grant_pkey PRIMARY KEY (id);


--
-- Name: sg_group sg_group_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_group
    ADD CONSTRAINT sg_group_name_key UNIQUE (name);


--
-- Name: sg_group sg_group_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_group
    ADD CONSTRAINT sg_group_pkey PRIMARY KEY (id);


--
-- Name: sg_login_failure sg_login_failure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_login_failure
    ADD CONSTRAINT sg_login_failure_pkey PRIMARY KEY (subject);


--
-- Name: sg_mfa_requirement sg_mfa_requirement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_mfa_requirement
    ADD CONSTRAINT sg_mfa_requirement_pkey PRIMARY KEY (id);


--
-- Name: sg_server sg_server_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_server
    ADD CONSTRAINT sg_server_name_key UNIQUE (name);


--
-- Name: sg_server sg_server_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_server
    ADD CONSTRAINT sg_server_pkey PRIMARY KEY (id);


--
-- Name: sg_session sg_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_session
    ADD CONSTRAINT sg_session_pkey PRIMARY KEY (id);


--
-- Name: sg_session_termination sg_session_termination_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_session_termination
    ADD CONSTRAINT sg_session_termination_pkey PRIMARY KEY (session_id);


--
-- Name: sg_startup_file sg_startup_file_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_startup_file
    ADD CONSTRAINT sg_startup_file_pkey PRIMARY KEY (id);


--
-- Name: sg_totp sg_totp_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_totp
    ADD CONSTRAINT sg_totp_pkey PRIMARY KEY (username);


--
-- Name: sg_typed_line sg_typed_line_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_typed_line
    ADD CONSTRAINT sg_typed_line_pkey PRIMARY KEY (id);


--
-- Name: sg_user sg_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_user
    ADD CONSTRAINT sg_user_pkey PRIMARY KEY (id);


--
-- Name: sg_user sg_user_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_user
    ADD CONSTRAINT sg_user_username_key UNIQUE (username);


--
-- Name: sg_account unq_sg_account_0; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_account
    ADD CONSTRAINT unq_sg_account_0 UNIQUE (server_id, login);


--
-- Name: sg_startup_file unq_sg_startup_file_0; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_startup_file
    ADD CONSTRAINT unq_sg_startup_file_0 UNIQUE (server_name, login, path);


--
-- Name: index_sg_alert_alert_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_alert_alert_time ON public.sg_alert USING btree (alert_time);


--
-- Name: index_sg_alert_session_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_alert_session_id ON public.sg_alert USING btree (session_id);


--
-- Name: index_sg_auth_event_event_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_auth_event_event_time ON public.sg_auth_event USING btree (event_time);


--
-- Name: index_sg_auth_event_user_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_auth_event_user_name ON public.sg_auth_event USING btree (user_name);


--
-- Name: index_sg_command_command_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_command_command_time ON public.sg_command USING btree (command_time);


--
-- Name: index_sg_command_session_id_command_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_command_session_id_command_id ON public.sg_command USING btree (session_id, command_id);


--
-- Name: index_sg_command_session_id_line_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_command_session_id_line_id ON public.sg_command USING btree (session_id, line_id);


--
-- Name: index_sg_command_user_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_command_user_name ON public.sg_command USING btree (user_name);


--
-- Name: index_sg_file_transfer_session_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_file_transfer_session_id ON public.sg_file_transfer USING btree (session_id);


--
-- Name: index_sg_file_transfer_transfer_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_file_transfer_transfer_time ON public.sg_file_transfer USING btree (transfer_time);


--
-- Name: index_sg_file_transfer_user_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_file_transfer_user_name ON public.sg_file_transfer USING btree (user_name);


--
-- Name: index_sg_forward_session_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_forward_session_id ON public.sg_forward USING btree (session_id);


--
-- Name: index_sg_forward_started; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_forward_started ON public.sg_forward USING btree (started);


--
-- Name: index_sg_login_failure_window_start; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_login_failure_window_start ON public.sg_login_failure USING btree (window_start);


--
-- Name: index_sg_session_started; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_session_started ON public.sg_session USING btree (started);


--
-- Name: index_sg_session_termination_gateway_node; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_session_termination_gateway_node ON public.sg_session_termination USING btree (gateway_node);


--
-- Name: index_sg_session_user_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_session_user_name ON public.sg_session USING btree (user_name);


--
-- Name: index_sg_typed_line_line_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_typed_line_line_time ON public.sg_typed_line USING btree (line_time);


--
-- Name: index_sg_typed_line_session_id_line_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_sg_typed_line_session_id_line_id ON public.sg_typed_line USING btree (session_id, line_id);


--
-- Name: sg_account fk_sg_account_server_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_account
    ADD CONSTRAINT fk_sg_account_server_id FOREIGN KEY (server_id) REFERENCES public.sg_server(id);


--
-- Name: sg_command_rule_group fk_sg_command_rule_group_rule_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_rule_group
    ADD CONSTRAINT fk_sg_command_rule_group_rule_id FOREIGN KEY (rule_id) REFERENCES public.sg_command_rule(id);


--
-- Name: sg_command_rule_label fk_sg_command_rule_label_rule_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_rule_label
    ADD CONSTRAINT fk_sg_command_rule_label_rule_id FOREIGN KEY (rule_id) REFERENCES public.sg_command_rule(id);


--
-- Name: sg_command_rule_login fk_sg_command_rule_login_rule_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_rule_login
    ADD CONSTRAINT fk_sg_command_rule_login_rule_id FOREIGN KEY (rule_id) REFERENCES public.sg_command_rule(id);


--
-- Name: sg_command_rule_server fk_sg_command_rule_server_rule_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_rule_server
    ADD CONSTRAINT fk_sg_command_rule_server_rule_id FOREIGN KEY (rule_id) REFERENCES public.sg_command_rule(id);


--
-- Name: sg_command_rule_user fk_sg_command_rule_user_rule_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_command_rule_user
    ADD CONSTRAINT fk_sg_command_rule_user_rule_id FOREIGN KEY (rule_id) REFERENCES public.sg_command_rule(id);


--
-- Name: sg_grant_forward_to fk_sg_grant_forward_to_grant_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_grant_forward_to
    ADD CONSTRAINT fk_sg_grant_forward_to_grant_id FOREIGN KEY (grant_id) REFERENCES public.sg_grant(id);


--
-- Name: sg_grant_forwarding fk_sg_grant_forwarding_grant_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_grant_forwarding
    ADD CONSTRAINT fk_sg_grant_forwarding_grant_id FOREIGN KEY (grant_id) REFERENCES public.sg_grant(id);


--
-- Name: sg_grant_login fk_sg_grant_login_grant_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_grant_login
    ADD CONSTRAINT fk_sg_grant_login_grant_id FOREIGN KEY (grant_id) REFERENCES public.sg_grant(id);


--
-- Name: sg_mfa_group fk_sg_mfa_group_requirement_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_mfa_group
    ADD CONSTRAINT fk_sg_mfa_group_requirement_id FOREIGN KEY (requirement_id) REFERENCES public.sg_mfa_requirement(id);


--
-- Name: sg_server_host_key fk_sg_server_host_key_server_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_server_host_key
    ADD CONSTRAINT fk_sg_server_host_key_server_id FOREIGN KEY (server_id) REFERENCES public.sg_server(id);


--
-- Name: sg_server_label fk_sg_server_label_server_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_server_label
    ADD CONSTRAINT fk_sg_server_label_server_id FOREIGN KEY (server_id) REFERENCES public.sg_server(id);


--
-- Name: sg_totp_recovery fk_sg_totp_recovery_username; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_totp_recovery
    ADD CONSTRAINT fk_sg_totp_recovery_username FOREIGN KEY (username) REFERENCES public.sg_totp(username);


--
-- Name: sg_user_group fk_sg_user_group_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_user_group
    ADD CONSTRAINT fk_sg_user_group_user_id FOREIGN KEY (user_id) REFERENCES public.sg_user(id);


--
-- Name: sg_user_key fk_sg_user_key_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sg_user_key
    ADD CONSTRAINT fk_sg_user_key_user_id FOREIGN KEY (user_id) REFERENCES public.sg_user(id);


--
-- PostgreSQL database dump complete
--

\unrestrict eCSllXhFar3ofuVb0SPtJIwrzccrqvv5gj9M3XT3TM6iwMGIGmJY2djmH3fVkTf

