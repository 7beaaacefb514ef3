"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 21:34:42.729067
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=128), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_table('blueprints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('content_hash', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blueprints')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_blueprints_content_hash'))
    )
    op.create_table('districts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_districts')),
    sa.UniqueConstraint('code', name=op.f('uq_districts_code')),
    sa.UniqueConstraint('name', name=op.f('uq_districts_name'))
    )
    op.create_table('domains',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name_zh', sa.String(length=32), nullable=False),
    sa.Column('name_en', sa.String(length=64), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_domains'))
    )
    op.create_table('rules',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('short', sa.String(length=128), nullable=False),
    sa.Column('issuer', sa.String(length=255), nullable=False),
    sa.Column('doc_number', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('adopted', sa.Date(), nullable=True),
    sa.Column('revised', sa.Date(), nullable=True),
    sa.Column('effective', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('superseded_by', sa.String(length=64), nullable=True),
    sa.Column('superseded_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rules'))
    )
    op.create_table('station_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('private_key', sa.LargeBinary(), nullable=True),
    sa.Column('is_own', sa.Boolean(), nullable=False),
    sa.Column('label', sa.String(length=128), nullable=False),
    sa.Column('trusted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station_keys')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_station_keys_fingerprint'))
    )
    op.create_table('communities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('street', sa.String(length=128), nullable=False),
    sa.Column('pilot', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_communities_district_id_districts'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communities')),
    sa.UniqueConstraint('district_id', 'name', name=op.f('uq_communities_district_id_name'))
    )
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communities_district_id'), ['district_id'], unique=False)

    op.create_table('courseware_sections',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('domain', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['domain'], ['domains.code'], name=op.f('fk_courseware_sections_domain_domains')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courseware_sections'))
    )
    with op.batch_alter_table('courseware_sections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courseware_sections_domain'), ['domain'], unique=False)

    op.create_table('papers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('blueprint_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('seed', sa.String(length=64), nullable=False),
    sa.Column('form_no', sa.Integer(), nullable=False),
    sa.Column('duration_s', sa.Integer(), nullable=False),
    sa.Column('pass_rule', sa.JSON(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['blueprint_id'], ['blueprints.id'], name=op.f('fk_papers_blueprint_id_blueprints')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_papers')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_papers_content_hash'))
    )
    op.create_table('questions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('domain', sa.String(length=16), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('current_version', sa.Integer(), nullable=False),
    sa.Column('difficulty', sa.Integer(), nullable=False),
    sa.Column('review', sa.String(length=16), nullable=False),
    sa.Column('visibility', sa.String(length=16), nullable=False),
    sa.Column('historical', sa.Boolean(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('section_id', sa.String(length=64), nullable=True),
    sa.Column('group_name', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['domain'], ['domains.code'], name=op.f('fk_questions_domain_domains')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questions'))
    )
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_questions_domain'), ['domain'], unique=False)
        batch_op.create_index(batch_op.f('ix_questions_section_id'), ['section_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_questions_type'), ['type'], unique=False)

    op.create_table('question_rules',
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('rule_id', sa.String(length=64), nullable=False),
    sa.Column('article', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_question_rules_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rule_id'], ['rules.id'], name=op.f('fk_question_rules_rule_id_rules')),
    sa.PrimaryKeyConstraint('question_id', 'rule_id', 'article', name=op.f('pk_question_rules'))
    )
    with op.batch_alter_table('question_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_rules_rule_id'), ['rule_id'], unique=False)

    op.create_table('question_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=32), nullable=False),
    sa.Column('stem', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_question_versions_question_id_questions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_versions')),
    sa.UniqueConstraint('question_id', 'content_hash', name=op.f('uq_question_versions_question_id_content_hash')),
    sa.UniqueConstraint('question_id', 'version_no', name=op.f('uq_question_versions_question_id_version_no'))
    )
    with op.batch_alter_table('question_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_versions_question_id'), ['question_id'], unique=False)

    op.create_table('workers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_workers_community_id_communities'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_workers_district_id_districts'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workers')),
    sa.UniqueConstraint('id_number', name=op.f('uq_workers_id_number'))
    )
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workers_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workers_district_id'), ['district_id'], unique=False)

    op.create_table('paper_items',
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question_version_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['paper_id'], ['papers.id'], name=op.f('fk_paper_items_paper_id_papers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_version_id'], ['question_versions.id'], name=op.f('fk_paper_items_question_version_id_question_versions')),
    sa.PrimaryKeyConstraint('paper_id', 'position', name=op.f('pk_paper_items'))
    )
    with op.batch_alter_table('paper_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_items_question_version_id'), ['question_version_id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], name=op.f('fk_users_worker_id_workers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('exam_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=True),
    sa.Column('room', sa.String(length=128), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_exam_sessions_created_by_users')),
    sa.ForeignKeyConstraint(['paper_id'], ['papers.id'], name=op.f('fk_exam_sessions_paper_id_papers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_sessions'))
    )
    op.create_table('practice_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('due', sa.DateTime(timezone=True), nullable=True),
    sa.Column('favorite', sa.Boolean(), nullable=False),
    sa.Column('wrong_count', sa.Integer(), nullable=False),
    sa.Column('right_count', sa.Integer(), nullable=False),
    sa.Column('in_wrong_book', sa.Boolean(), nullable=False),
    sa.Column('last_seen', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_practice_cards_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_practice_cards_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practice_cards')),
    sa.UniqueConstraint('user_id', 'question_id', name=op.f('uq_practice_cards_user_id_question_id'))
    )
    with op.batch_alter_table('practice_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_cards_due'), ['due'], unique=False)
        batch_op.create_index(batch_op.f('ix_practice_cards_user_id'), ['user_id'], unique=False)

    op.create_table('candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('worker_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('seat', sa.String(length=16), nullable=False),
    sa.Column('extra_minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['exam_sessions.id'], name=op.f('fk_candidates_session_id_exam_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], name=op.f('fk_candidates_worker_id_workers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidates'))
    )
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidates_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidates_worker_id'), ['worker_id'], unique=False)

    op.create_table('attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('seed', sa.String(length=64), nullable=False),
    sa.Column('layout', sa.JSON(), nullable=False),
    sa.Column('duration_s', sa.Integer(), nullable=False),
    sa.Column('extra_s', sa.Integer(), nullable=False),
    sa.Column('time_used_s', sa.Float(), nullable=False),
    sa.Column('deadline_utc', sa.DateTime(timezone=True), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_saved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('max_score', sa.Float(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_attempts_candidate_id_candidates')),
    sa.ForeignKeyConstraint(['paper_id'], ['papers.id'], name=op.f('fk_attempts_paper_id_papers')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_attempts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempts'))
    )
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempts_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attempts_paper_id'), ['paper_id'], unique=False)
        batch_op.create_index('ix_attempts_state', ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_attempts_user_id'), ['user_id'], unique=False)

    op.create_table('answer_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('time_used_s', sa.Float(), nullable=False),
    sa.Column('at_utc', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_answer_events_attempt_id_attempts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_events')),
    sa.UniqueConstraint('attempt_id', 'seq', name=op.f('uq_answer_events_attempt_id_seq'))
    )
    with op.batch_alter_table('answer_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_events_attempt_id'), ['attempt_id'], unique=False)

    op.create_table('answers',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_answers_attempt_id_attempts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('attempt_id', 'item_key', name=op.f('pk_answers'))
    )
    op.create_table('certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('station_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=True),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_certificates_attempt_id_attempts')),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], name=op.f('fk_certificates_worker_id_workers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificates')),
    sa.UniqueConstraint('number', name=op.f('uq_certificates_number'))
    )
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificates_worker_id'), ['worker_id'], unique=False)

    op.create_table('grades',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=80), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('max_score', sa.Float(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('graded_by', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=255), nullable=False),
    sa.Column('graded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_grades_attempt_id_attempts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grades')),
    sa.UniqueConstraint('attempt_id', 'item_key', 'revision', name=op.f('uq_grades_attempt_id_item_key_revision'))
    )
    with op.batch_alter_table('grades', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grades_attempt_id'), ['attempt_id'], unique=False)


    _seed()


DOMAINS = [
    ("hr", "人社", "Human resources & social security", 1),
    ("health", "卫健", "Health", 2),
    ("housing", "住建", "Housing & construction", 3),
    ("petition", "信访", "Petitions (letters & visits)", 4),
    ("community", "民政与社区治理", "Civil affairs & community governance", 5),
]
# The city's six county-level districts, in the order the 2019 programme document names them.
DISTRICTS = [
    ("zhanqian", "站前区", 1),
    ("xishi", "西市区", 2),
    ("bayuquan", "鲅鱼圈区", 3),
    ("laobian", "老边区", 4),
    ("gaizhou", "盖州市", 5),
    ("dashiqiao", "大石桥市", 6),
]


def _seed() -> None:
    domains = sa.table(
        "domains", sa.column("code"), sa.column("name_zh"), sa.column("name_en"), sa.column("sort")
    )
    op.bulk_insert(domains, [dict(zip(("code", "name_zh", "name_en", "sort"), d)) for d in DOMAINS])
    districts = sa.table("districts", sa.column("code"), sa.column("name"), sa.column("sort"))
    op.bulk_insert(districts, [dict(zip(("code", "name", "sort"), d)) for d in DISTRICTS])


def downgrade() -> None:

    with op.batch_alter_table('grades', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grades_attempt_id'))

    op.drop_table('grades')
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificates_worker_id'))

    op.drop_table('certificates')
    op.drop_table('answers')
    with op.batch_alter_table('answer_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_events_attempt_id'))

    op.drop_table('answer_events')
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempts_user_id'))
        batch_op.drop_index('ix_attempts_state')
        batch_op.drop_index(batch_op.f('ix_attempts_paper_id'))
        batch_op.drop_index(batch_op.f('ix_attempts_candidate_id'))

    op.drop_table('attempts')
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidates_worker_id'))
        batch_op.drop_index(batch_op.f('ix_candidates_session_id'))

    op.drop_table('candidates')
    with op.batch_alter_table('practice_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_cards_user_id'))
        batch_op.drop_index(batch_op.f('ix_practice_cards_due'))

    op.drop_table('practice_cards')
    op.drop_table('exam_sessions')
    op.drop_table('users')
    with op.batch_alter_table('paper_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_items_question_version_id'))

    op.drop_table('paper_items')
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workers_district_id'))
        batch_op.drop_index(batch_op.f('ix_workers_community_id'))

    op.drop_table('workers')
    with op.batch_alter_table('question_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_versions_question_id'))

    op.drop_table('question_versions')
    with op.batch_alter_table('question_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_rules_rule_id'))

    op.drop_table('question_rules')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_questions_type'))
        batch_op.drop_index(batch_op.f('ix_questions_section_id'))
        batch_op.drop_index(batch_op.f('ix_questions_domain'))

    op.drop_table('questions')
    op.drop_table('papers')
    with op.batch_alter_table('courseware_sections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courseware_sections_domain'))

    op.drop_table('courseware_sections')
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communities_district_id'))

    op.drop_table('communities')
    op.drop_table('station_keys')
    op.drop_table('rules')
    op.drop_table('domains')
    op.drop_table('districts')
    op.drop_table('blueprints')
    op.drop_table('audit_log')

