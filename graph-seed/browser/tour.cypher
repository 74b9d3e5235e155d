// A tour of the ML Engineer roadmap graph for Neo4j Browser. Paste one block at a time into the editor and run it
// (Ctrl+Enter), and change the :param values to ask about other nodes. Load the style first:
//   :style http://localhost:7000/browser/style.grass

// 1. What must I learn before X? Everything LoRA/QLoRA fine-tuning builds on.
:param goal => 'fine-tuning-peft';
MATCH p = (:Entity {id: $goal})-[:REQUIRES*]->()
RETURN p;

// 2. Everything in stage 3, with the prerequisite edges among its topics.
:param stage => 3;
MATCH (s:Stage {order: $stage})<-[i:IN_STAGE]-(t:Topic)
OPTIONAL MATCH (t)-[r:REQUIRES]->(other:Topic)-[:IN_STAGE]->(s)
RETURN s, i, t, r, other;

// 3. Which tools serve MLOps (stage 4)?
:param stage => 4;
MATCH (:Stage {order: $stage})<-[:IN_STAGE]-(t:Topic)-[u:USES]->(tool:Tool)
RETURN t, u, tool;

// 4. The path to a career: what it requires, three levels down.
:param career => 'machine-learning-engineer';
MATCH p = (:Career {id: $career})-[:REQUIRES*1..3]->()
RETURN p;

// 5. What does X unlock?
:param topic => 'backpropagation';
MATCH p = (:Entity {id: $topic})<-[:REQUIRES*]-()
RETURN p;

// 6. The shortest chain of prerequisites from A up to B.
:param from => 'python';
:param to => 'retrieval-augmented-generation';
MATCH p = shortestPath((:Entity {id: $to})-[:REQUIRES*]->(:Entity {id: $from}))
RETURN p;

// 7. Where is the thing I'm looking for? Neo4j's own fulltext index over names, aliases, summaries and descriptions
//    (Lucene syntax: transfomer~ tolerates the typo). The API's /api/search does more: typos without syntax,
//    synonyms, highlights and facets.
:param text => 'transfomer~';
CALL db.index.fulltext.queryNodes('entity_text', $text) YIELD node, score
RETURN node, score
LIMIT 10;
