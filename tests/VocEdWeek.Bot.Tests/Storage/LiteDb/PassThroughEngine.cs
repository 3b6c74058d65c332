using LiteDB;
using LiteDB.Engine;

namespace VocEdWeek.Bot.Tests.Storage.LiteDb;

/// <summary>A real LiteDB engine passed through call for call; test engines override the one call they watch (the query).</summary>
internal abstract class PassThroughEngine(ILiteEngine inner) : ILiteEngine
{
    public virtual IBsonDataReader Query(string collection, Query query) => inner.Query(collection, query);

    public int Checkpoint() => inner.Checkpoint();
    public long Rebuild(RebuildOptions options) => inner.Rebuild(options);
    public bool BeginTrans() => inner.BeginTrans();
    public bool Commit() => inner.Commit();
    public bool Rollback() => inner.Rollback();
    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => inner.Insert(collection, docs, autoId);
    public int Update(string collection, IEnumerable<BsonDocument> docs) => inner.Update(collection, docs);
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => inner.UpdateMany(collection, transform, predicate);
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => inner.Upsert(collection, docs, autoId);
    public int Delete(string collection, IEnumerable<BsonValue> ids) => inner.Delete(collection, ids);
    public int DeleteMany(string collection, BsonExpression predicate) => inner.DeleteMany(collection, predicate);
    public bool DropCollection(string name) => inner.DropCollection(name);
    public bool RenameCollection(string name, string newName) => inner.RenameCollection(name, newName);
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => inner.EnsureIndex(collection, name, expression, unique);
    public bool DropIndex(string collection, string name) => inner.DropIndex(collection, name);
    public BsonValue Pragma(string name) => inner.Pragma(name);
    public bool Pragma(string name, BsonValue value) => inner.Pragma(name, value);
    public void Dispose() => inner.Dispose();
}
